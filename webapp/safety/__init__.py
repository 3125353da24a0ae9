"""Safety screening: red flags that need a doctor instead of a routine, and the
contraindications that make some techniques unsuitable. The questions live in questions.py; the
rules that apply the answers run in the browser (static/js/safety/rules.js), offline."""
