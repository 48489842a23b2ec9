#!/usr/bin/env python3
"""Fits the knowledge base's ranking and Confidence on the shop corpus's tuning split (issue 13).

Input: merchant-client/target/kb-features.tsv, written by RetrievalFeaturesTest
(./mvnw -pl merchant-client -am test -Dtest=RetrievalFeaturesTest -Dsurefire.failIfNoSpecifiedTests=false),
and the corpus under merchant-client/src/test/resources/kb/shops. Needs numpy and scikit-learn.
Prints top-1 per ranking variant on both splits, then the logistic weights for Confidence
(in the order of its record components) and precision / coverage / hand-off per threshold.
Only the tuning split (held = 0) is fitted on; the held-out split is reported, never used.
"""
import collections, csv, math, sys, unicodedata
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[2]
FEATURES = ROOT / 'merchant-client/target/kb-features.tsv'
CORPUS = ROOT / 'merchant-client/src/test/resources/kb/shops'
STOP = set("的了吗呢吧啊呀么是我你您他她它们这那有在和与或也都就还要会能可以请问怎什多少个一不没几哪谁")  # Tokens.STOP_CHARS
ANSWER_WEIGHT, KEYWORD_WEIGHT = 0.2, 0.7


def cjk(c):
    return unicodedata.name(c, '').startswith(('CJK UNIFIED', 'HIRAGANA', 'KATAKANA', 'HANGUL'))


def content_terms(text):
    """Tokens.isContent terms of Tokens.termFrequencies: single characters and Latin words."""
    s = unicodedata.normalize('NFKC', text).lower()
    out, i = set(), 0
    while i < len(s):
        if cjk(s[i]):
            if s[i] not in STOP:
                out.add(s[i])
            i += 1
        elif s[i].isalnum():
            j = i
            while j < len(s) and s[j].isalnum() and not cjk(s[j]):
                j += 1
            out.add(s[i:j])
            i = j
        else:
            i += 1
    return out


def load_corpus():
    shops = {}
    for sid in [l.strip() for l in open(CORPUS / 'shops.txt') if l.strip() and not l.startswith('#')]:
        rows = list(csv.reader(open(CORPUS / sid / 'faq.csv', encoding='utf-8-sig')))[1:]
        faqs = [(r[0].strip(), r[1].strip()) for r in rows if r]
        qs = [l.split('\t', 1)[1].strip() for l in open(CORPUS / sid / 'questions.tsv', encoding='utf-8')
              if l.strip() and not l.startswith('#')]
        shops[sid] = (faqs, qs)
    return shops


def missing(faqs, question, row):
    docs = [content_terms(q + '\n' + a) for q, a in faqs]
    n, total, miss, rarest = len(docs), 0.0, 0.0, 0.0
    for t in content_terms(question):
        df = sum(t in d for d in docs)
        idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
        total += idf
        if t not in docs[row - 1]:
            miss += idf
            rarest = max(rarest, idf)
    return (miss / total if total else 0.0), rarest


def main():
    questions = collections.OrderedDict()
    with open(FEATURES) as f:
        for r in csv.DictReader(f, delimiter='\t'):
            d = {k: float(v) for k, v in r.items() if k != 'shop'}
            questions.setdefault((r['shop'], int(r['qi'])), []).append(d)
    rank = lambda r: r['cosQA'] + ANSWER_WEIGHT * r['cosA'] + KEYWORD_WEIGHT * r['bmAll']
    for name, f in [('cosQ', lambda r: r['cosQ']), ('cosQA', lambda r: r['cosQA']), ('bm25', lambda r: r['bmAll']),
                    ('rank', rank)]:
        for held in (0, 1):
            rows = [v for v in questions.values() if v[0]['held'] == held and v[0]['expected'] > 0]
            right = sum(max(v, key=f)['row'] == v[0]['expected'] for v in rows)
            print(f"top-1 {name:6s} split {'held-out' if held else 'tuning'}: {right}/{len(rows)}")
    shops = load_corpus()
    X, Y, H, E = [], [], [], []
    for (sid, qi), v in questions.items():
        ranked = sorted(v, key=rank, reverse=True)
        top = ranked[0]
        first = lambda key: max(v, key=lambda r: r[key])['row'] == top['row']
        share, rarest = missing(shops[sid][0], shops[sid][1][qi], int(top['row']))
        X.append([rank(top), rank(top) - rank(ranked[1]), top['cosQA'], top['bmAll'], top['cosA'],
                  first('cosQA'), first('bmAll'), first('cosA'), share, rarest])
        Y.append(int(top['expected'] > 0 and top['row'] == top['expected']))
        H.append(int(top['held']))
        E.append(int(top['expected']))
    X, Y, H, E = np.array(X, float), np.array(Y), np.array(H), np.array(E)
    tuning = H == 0
    model = LogisticRegression(C=1.0, max_iter=5000).fit(X[tuning], Y[tuning])
    print('bias', round(float(model.intercept_[0]), 4), 'weights', [round(float(w), 4) for w in model.coef_[0]])
    for held in (0, 1):
        mask = H == held
        p = model.predict_proba(X[mask])[:, 1]
        answerable, y = E[mask] > 0, Y[mask]
        for threshold in (0.8, 0.85, 0.9, 0.95):
            c = p >= threshold
            print(f"{'held-out' if held else 'tuning'} threshold {threshold}: precision {(c & (y == 1)).sum()}/{c.sum()}, "
                  f"coverage {(c & answerable).sum()}/{answerable.sum()}, "
                  f"handed off {(~c & ~answerable).sum()}/{(~answerable).sum()}")


if __name__ == '__main__':
    sys.exit(main())
