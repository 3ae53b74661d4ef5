/**
 * The rubric every pack carries: the previous app compiled `rubric.tech_talk_internal.v1.json`
 * into its binary, so every pack of a version has the same bytes (686, SHA-256 15f6fc7e…).
 * Byte-exact, including the `\u00e9` escapes and the final newline.
 */
export const RUBRIC_BYTES: Buffer = Buffer.from(
  [
    '{',
    '  "schema_version": "1.0.0",',
    '  "rubric_id": "tech_talk_internal.v1",',
    '  "scale": {',
    '    "min": 1,',
    '    "max": 5,',
    '    "labels": {',
    '      "1": "Insuffisant",',
    '      "3": "Solide",',
    '      "5": "Excellent"',
    '    }',
    '  },',
    '  "items": [',
    '    { "key": "clarity", "label": "Clart\\u00e9 du message" },',
    '    { "key": "structure", "label": "Structure et progression" },',
    '    { "key": "pacing", "label": "Rythme" },',
    '    { "key": "audience_fit", "label": "Adaptation \\u00e0 l\'audience" },',
    '    { "key": "examples", "label": "Exemples et preuves" }',
    '  ],',
    '  "required_free_text": [',
    '    { "key": "strengths", "label": "Points forts" },',
    '    { "key": "improvements", "label": "Am\\u00e9liorations prioritaires" }',
    '  ]',
    '}',
    '',
  ].join('\n'),
  'utf8',
);
