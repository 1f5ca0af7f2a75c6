#!/usr/bin/env python3
"""Writes N short news-like articles for the load test (deterministic for a seed).

Usage: bench/make-articles.py SAMPLES_DIR OUTPUT_DIR N [TOPICS] [SEED]
Articles fall into TOPICS topics (default N/20). Each topic has its own invented place, people and vocabulary, so the
store ends up with many stories of about N/TOPICS articles each; every article also carries one paragraph recombined
from the plain-text samples/ (the generator `parallax bench` uses recombines them the same way), so the text reads like
the news the pipeline is built for. Each article is a title line, then 4-7 paragraphs.
"""
import os, random, sys

samples, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
topics_n = int(sys.argv[4]) if len(sys.argv) > 4 else max(1, n // 20)
seed = int(sys.argv[5]) if len(sys.argv) > 5 else 17
paragraphs = []
for name in sorted(os.listdir(samples)):
    if name.endswith((".meta.json", ".html")) or name.startswith("."):
        continue
    text = open(os.path.join(samples, name), encoding="utf-8").read()
    paragraphs += [p.strip() for p in text.split("\n\n") if len(p.strip()) > 80]
if not paragraphs:
    sys.exit("no paragraphs in " + samples)

rng = random.Random(seed)
onsets = ["b", "d", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kr", "st", "tr", "gl", "sh", "ch"]
vowels = ["a", "e", "i", "o", "u", "ai", "ei", "ou"]
codas = ["", "n", "r", "s", "k", "l", "m", "sk", "nd", "v"]
def word(syllables):
    return "".join(rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas) for _ in range(syllables))

topics = []
for _ in range(topics_n):
    topics.append({
        "place": word(3).capitalize(),
        "people": [word(2).capitalize() + " " + word(3).capitalize() for _ in range(3)],
        "org": word(2).capitalize() + " " + rng.choice(["Authority", "Council", "Union", "Company", "Ministry"]),
        "terms": [word(2) for _ in range(10)],
    })
verbs = ["said", "told reporters", "confirmed", "denied", "warned", "announced"]
days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

def sentence(t):
    a, b = rng.sample(t["terms"], 2)
    who = rng.choice(t["people"])
    return (f"{who} of the {t['org']} {rng.choice(verbs)} on {rng.choice(days)} that the {a} plan in {t['place']} "
            f"would affect {rng.randint(2, 900)} {b} sites before the end of the year.")

os.makedirs(out, exist_ok=True)
for i in range(n):
    t = topics[rng.randrange(topics_n)]
    title = f"{t['place']} {t['terms'][0]} {t['terms'][1]}: {t['org']} responds (report {i})"
    body = [" ".join(sentence(t) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(3, 6))]
    body.insert(rng.randrange(len(body) + 1), paragraphs[rng.randrange(len(paragraphs))])
    with open(os.path.join(out, f"{i:06d}.txt"), "w", encoding="utf-8") as f:
        f.write(title + "\n\n" + "\n\n".join(body) + "\n")
print(n)
