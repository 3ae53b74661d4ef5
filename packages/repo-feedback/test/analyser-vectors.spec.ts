import { createHash } from 'node:crypto';
import { buildFeedbackFromText, parseFeedback, serializeFeedback } from '../src';

/**
 * Worked examples produced by the previous app's analyser:
 * the serialized bytes must match exactly, since stored artifacts and their sha256 depend on them.
 */
const VECTORS: readonly { vector: number; estimatedSec: number; text: string; bytes: string }[] = [
  {
    vector: 1,
    estimatedSec: 60,
    text: "Um, so basically our API is like really fast. Like, you know, the API handles 2024 requests. Um the API is fast!",
    bytes:
      '{"schema_version":"1.0.0","overall_score":75,"top_actions":[{"action_id":"reduce_fillers","title":"Reduce filler words","why_it_matters":"Fillers dilute clarity and confidence.","how_to_fix":"Pause silently instead of using fillers.","target_quest_codes":["D01"]},{"action_id":"vary_terms","title":"Vary repeated terms","why_it_matters":"Repetition weakens perceived structure.","how_to_fix":"Swap repeated words with simpler alternatives.","target_quest_codes":["A01"]}],"comments":[],"metrics":{"wpm":22.0,"filler_per_min":6.0,"pause_count":2,"avg_sentence_words":7.333333333333333,"repeat_terms":["api","fast","like"],"jargon_terms":["API","2024"],"density_score":29.333333333333332}}',
  },
  {
    vector: 2,
    estimatedSec: 600,
    text: "Hello world.",
    bytes:
      '{"schema_version":"1.0.0","overall_score":90,"top_actions":[],"comments":[],"metrics":{"wpm":0.2,"filler_per_min":0.0,"pause_count":0,"avg_sentence_words":2.0,"repeat_terms":[],"jargon_terms":[],"density_score":8.0}}',
  },
  {
    vector: 3,
    estimatedSec: 10,
    text: "",
    bytes:
      '{"schema_version":"1.0.0","overall_score":90,"top_actions":[],"comments":[],"metrics":{"wpm":0.0,"filler_per_min":0.0,"pause_count":0,"avg_sentence_words":0.0,"repeat_terms":[],"jargon_terms":[],"density_score":0.0}}',
  },
  {
    vector: 4,
    estimatedSec: 45,
    text: "We deploy the service with Kubernetes and the service scales because the service uses HTTP2 and gRPC with k8s autoscaling that we configured carefully for every single region in production",
    bytes:
      '{"schema_version":"1.0.0","overall_score":72,"top_actions":[{"action_id":"shorten_sentences","title":"Shorten long sentences","why_it_matters":"Shorter sentences keep ideas crisp.","how_to_fix":"Break each idea into a single line.","target_quest_codes":["A01"]},{"action_id":"vary_terms","title":"Vary repeated terms","why_it_matters":"Repetition weakens perceived structure.","how_to_fix":"Swap repeated words with simpler alternatives.","target_quest_codes":["A01"]}],"comments":[],"metrics":{"wpm":40.0,"filler_per_min":0.0,"pause_count":0,"avg_sentence_words":30.0,"repeat_terms":["service"],"jargon_terms":["HTTP2","k8s"],"density_score":100.0}}',
  },
  {
    vector: 5,
    estimatedSec: 90,
    text: "Bonjour à tous. Du coup, euh, je vais parler de la sécurité. Genre, la sécurité est importante, du coup on parle sécurité.\nMerci",
    bytes:
      '{"schema_version":"1.0.0","overall_score":83,"top_actions":[{"action_id":"reduce_fillers","title":"Reduce filler words","why_it_matters":"Fillers dilute clarity and confidence.","how_to_fix":"Pause silently instead of using fillers.","target_quest_codes":["D01"]},{"action_id":"vary_terms","title":"Vary repeated terms","why_it_matters":"Repetition weakens perceived structure.","how_to_fix":"Swap repeated words with simpler alternatives.","target_quest_codes":["A01"]}],"comments":[],"metrics":{"wpm":16.666666666666668,"filler_per_min":2.6666666666666665,"pause_count":3,"avg_sentence_words":6.25,"repeat_terms":["curit","coup"],"jargon_terms":[],"density_score":25.0}}',
  },
  {
    vector: 6,
    estimatedSec: 30,
    text: "alpha beta. alpha beta! gamma gamma? delta delta. epsilon epsilon zeta zeta",
    bytes:
      '{"schema_version":"1.0.0","overall_score":87,"top_actions":[{"action_id":"vary_terms","title":"Vary repeated terms","why_it_matters":"Repetition weakens perceived structure.","how_to_fix":"Swap repeated words with simpler alternatives.","target_quest_codes":["A01"]}],"comments":[],"metrics":{"wpm":24.0,"filler_per_min":0.0,"pause_count":4,"avg_sentence_words":2.4,"repeat_terms":["alpha","beta","delta","epsilon","gamma"],"jargon_terms":[],"density_score":9.6}}',
  },
];

describe('analyser test vectors', () => {
  it.each(VECTORS)('vector $vector gives the previous app\'s bytes', ({ estimatedSec, text, bytes }) => {
    expect(serializeFeedback(buildFeedbackFromText(text, estimatedSec))).toBe(bytes);
  });

  it('vector 7 writes a tiny rate in exponent form', () => {
    const bytes = serializeFeedback(buildFeedbackFromText('one', 600_000_000));
    // The worked example gives the prefix; the rest follows from one word, one sentence and no filler:
    // avg 1 word, density 4, nothing to penalise, no action.
    expect(bytes).toContain('"metrics":{"wpm":1e-7,');
    expect(bytes).toBe(
      '{"schema_version":"1.0.0","overall_score":90,"top_actions":[],"comments":[],"metrics":{"wpm":1e-7,' +
        '"filler_per_min":0.0,"pause_count":0,"avg_sentence_words":1.0,"repeat_terms":[],"jargon_terms":[],"density_score":4.0}}',
    );
  });

  it('is deterministic: the same input gives the same bytes and hash every time', () => {
    for (const { estimatedSec, text } of VECTORS) {
      const hashes = new Set(
        Array.from({ length: 3 }, () =>
          createHash('sha256').update(serializeFeedback(buildFeedbackFromText(text, estimatedSec))).digest('hex'),
        ),
      );
      expect(hashes.size).toBe(1);
    }
  });

  it('reads back every vector to the same document', () => {
    for (const { estimatedSec, text, bytes } of VECTORS) {
      expect(parseFeedback(Buffer.from(bytes, 'utf8'))).toEqual(buildFeedbackFromText(text, estimatedSec));
      expect(parseFeedback(Buffer.from(bytes, 'utf8'))).toEqual(JSON.parse(bytes));
    }
  });
});
