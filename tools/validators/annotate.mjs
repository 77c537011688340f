// Long-lived text annotator for the .NET requirements reader. One JSON object per line on stdin:
//   {"id":"1","kind":"annotate","text":"..."}
// One JSON object per line on stdout:
//   {"id":"1","ok":true,"sentences":[{"start":0,"terms":[{"t":"Guests","n":"guests","r":"guest","o":0,"tags":["Noun","Plural"]}]}]}
// compromise does the linguistics (sentence splitting, tokens, part-of-speech tags, lemmas); the reader's
// rules run in .NET over these tokens. English only: other languages get tokens with unreliable tags.
import { createInterface } from 'node:readline';
import nlp from 'compromise';

// The tags the reader uses; compromise assigns many more.
const KEEP = new Set(['Noun', 'Plural', 'Singular', 'ProperNoun', 'Pronoun', 'Verb', 'Infinitive', 'PresentTense', 'PastTense',
  'Gerund', 'Participle', 'Modal', 'Auxiliary', 'Copula', 'PhrasalVerb', 'Particle', 'Adjective', 'Adverb', 'Preposition',
  'Determiner', 'Conjunction', 'Value', 'Cardinal', 'Date', 'Negative', 'QuestionWord', 'Possessive', 'Acronym', 'Person', 'Organization', 'Place']);

function annotate(text) {
  const doc = nlp(text);
  doc.compute('root');
  const sentences = doc.json({ offset: true, terms: { normal: true, root: true, offset: true } });
  return sentences.map((s) => ({
    start: s.offset?.start ?? 0,
    terms: s.terms.map((t) => ({
      t: t.text,
      n: t.normal ?? t.text.toLowerCase(),
      r: t.root ?? null,
      o: t.offset?.start ?? 0,
      pre: t.pre ?? '',
      post: t.post ?? '',
      tags: (t.tags ?? []).filter((x) => KEEP.has(x)),
    })),
  }));
}

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  let request;
  try {
    request = JSON.parse(line);
  } catch {
    return;
  }
  let response;
  try {
    response = { id: request.id, ok: true, sentences: annotate(String(request.text ?? '')) };
  } catch (err) {
    response = { id: request.id, ok: false, internal: true, errors: [{ message: String(err?.message ?? err) }] };
  }
  process.stdout.write(JSON.stringify(response) + '\n');
});
