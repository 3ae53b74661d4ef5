/** `talk_tags` or `talk-tags` to `talkTags`: the identifier a generated import or export gets. */
export function camelCase(name: string): string {
  return name.replace(/[-_]([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** `talk-tags` to `TalkTags`: the prefix of a generated type name. */
export function pascalCase(name: string): string {
  const camel = camelCase(name);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}
