/* Dutch text analysis on the device, the same as the server's (lexicon/search/analysis.py):
   tokenize, lowercase, drop stop words and one-letter words, stem (Snowball Dutch as Whoosh
   implements it, then the lexicon's corrections), fold accents. The word lists come from the
   server with the offline index ("analysis"), so there is one source for them.
   tests/exports/test_device_analysis.py runs this file with node against the server's analyser. */
(function (root) {
  "use strict";

  var VOWELS = "aeiouy\u00e8";
  var STEP1 = ["heden", "ene", "en", "se", "s"];
  var STEP3B = ["baar", "lijk", "bar", "end", "ing", "ig"];
  var ACCENTS = { "\u00e4": "a", "\u00e1": "a", "\u00eb": "e", "\u00e9": "e", "\u00ed": "i", "\u00ef": "i",
                  "\u00f6": "o", "\u00f3": "o", "\u00fc": "u", "\u00fa": "u" };
  var TOKEN = /[\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}]+(?:\.?[\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}]+)*/gu;

  function isVowel(ch) { return ch !== undefined && ch !== "" && VOWELS.indexOf(ch) >= 0; }
  function at(s, i) { return i < 0 ? s[s.length + i] : s[i]; }  // Python's s[i]
  function cut(s, n) { return n > 0 ? s.slice(0, Math.max(0, s.length - n)) : s; }  // s[:-n]
  function endsDouble(s) { return /(kk|dd|tt)$/.test(s); }

  function regions(word) {
    var r1 = "", r2 = "", i;
    for (i = 1; i < word.length; i++) {
      if (!isVowel(word[i]) && isVowel(word[i - 1])) { r1 = word.slice(i + 1); break; }
    }
    for (i = 1; i < r1.length; i++) {
      if (!isVowel(r1[i]) && isVowel(r1[i - 1])) { r2 = r1.slice(i + 1); break; }
    }
    return [r1, r2];
  }

  /* Whoosh's DutchStemmer.stem (whoosh/lang/snowball/dutch.py), step by step. */
  function snowball(word) {
    var i, suffix, n;
    var step2 = false;
    word = word.toLowerCase().replace(/[\u00e4\u00e1\u00eb\u00e9\u00ed\u00ef\u00f6\u00f3\u00fc\u00fa]/g, function (c) { return ACCENTS[c]; });
    if (word[0] === "y") word = "Y" + word.slice(1);
    for (i = 1; i < word.length; i++) {
      if (isVowel(word[i - 1]) && word[i] === "y") word = word.slice(0, i) + "Y" + word.slice(i + 1);
    }
    for (i = 1; i < word.length - 1; i++) {
      if (isVowel(word[i - 1]) && word[i] === "i" && isVowel(word[i + 1])) word = word.slice(0, i) + "I" + word.slice(i + 1);
    }
    var rr = regions(word), r1 = rr[0], r2 = rr[1];
    for (i = 1; i < word.length; i++) {
      if (!isVowel(word[i]) && isVowel(word[i - 1])) {
        if (i + 1 < 3) r1 = word.slice(3);
        break;
      }
    }
    // Step 1
    for (var s = 0; s < STEP1.length; s++) {
      suffix = STEP1[s]; n = suffix.length;
      if (!r1.endsWith(suffix)) continue;
      if (suffix === "heden") {
        word = cut(word, 5) + "heid"; r1 = cut(r1, 5) + "heid";
        if (r2.endsWith("heden")) r2 = cut(r2, 5) + "heid";
      } else if ((suffix === "ene" || suffix === "en") && !word.endsWith("heden") &&
                 !isVowel(at(word, -n - 1)) && word.slice(-n - 3, -n) !== "gem") {
        word = cut(word, n); r1 = cut(r1, n); r2 = cut(r2, n);
        if (endsDouble(word)) { word = cut(word, 1); r1 = cut(r1, 1); r2 = cut(r2, 1); }
      } else if ((suffix === "se" || suffix === "s") && !isVowel(at(word, -n - 1)) && at(word, -n - 1) !== "j") {
        word = cut(word, n); r1 = cut(r1, n); r2 = cut(r2, n);
      }
      break;
    }
    // Step 2
    if (r1.endsWith("e") && !isVowel(at(word, -2))) {
      step2 = true;
      word = cut(word, 1); r1 = cut(r1, 1); r2 = cut(r2, 1);
      if (endsDouble(word)) { word = cut(word, 1); r1 = cut(r1, 1); r2 = cut(r2, 1); }
    }
    // Step 3a
    if (r2.endsWith("heid") && at(word, -5) !== "c") {
      word = cut(word, 4); r1 = cut(r1, 4); r2 = cut(r2, 4);
      if (r1.endsWith("en") && !isVowel(at(word, -3)) && word.slice(-5, -2) !== "gem") {
        word = cut(word, 2); r1 = cut(r1, 2); r2 = cut(r2, 2);
        if (endsDouble(word)) { word = cut(word, 1); r1 = cut(r1, 1); r2 = cut(r2, 1); }
      }
    }
    // Step 3b
    for (s = 0; s < STEP3B.length; s++) {
      suffix = STEP3B[s];
      if (!r2.endsWith(suffix)) continue;
      if (suffix === "end" || suffix === "ing") {
        word = cut(word, 3); r2 = cut(r2, 3);
        if (r2.endsWith("ig") && at(word, -3) !== "e") word = cut(word, 2);
        else if (endsDouble(word)) word = cut(word, 1);
      } else if (suffix === "ig" && at(word, -3) !== "e") {
        word = cut(word, 2);
      } else if (suffix === "lijk") {
        word = cut(word, 4); r1 = cut(r1, 4);
        if (r1.endsWith("e") && !isVowel(at(word, -2))) {
          word = cut(word, 1);
          if (endsDouble(word)) word = cut(word, 1);
        }
      } else if (suffix === "baar") {
        word = cut(word, 4);
      } else if (suffix === "bar" && step2) {
        word = cut(word, 3);
      }
      break;
    }
    // Step 4: undouble vowel
    if (word.length >= 4 && !isVowel(at(word, -1)) && at(word, -1) !== "I") {
      var pair = word.slice(-3, -1);
      if ((pair === "aa" || pair === "ee" || pair === "oo" || pair === "uu") && !isVowel(at(word, -4))) {
        word = word.slice(0, -3) + at(word, -3) + at(word, -1);
      }
    }
    return word.replace(/I/g, "i").replace(/Y/g, "y");
  }

  var DOUBLE_VOWEL = /^(.{3,}?)(aa|ee|oo|uu)([^aeiouy])$/;
  var DOUBLE_CONSONANT = /^(.{2,}?)([bdfgklmnprst])\2$/;

  function Analyser(config) {
    this.stop = new Set(config.stopwords);
    this.exceptions = config.exceptions || {};
    this.fold = config.fold || {};
    this.minsize = config.minsize || 2;
  }

  /* dutch_stem in analysis.py: exceptions, Snowball, then the lexicon's corrections. */
  Analyser.prototype.stem = function (word) {
    if (Object.prototype.hasOwnProperty.call(this.exceptions, word)) return this.exceptions[word];
    var stem = snowball(word);
    if (stem.endsWith("ies") && stem.length > 5) stem = stem.slice(0, -1);
    stem = stem.replace(DOUBLE_VOWEL, function (m, head, pair, tail) { return head + pair[0] + tail; });
    stem = stem.replace(DOUBLE_CONSONANT, function (m, head, c) { return head + c; });
    if (stem.endsWith("v") && stem.length > 3) stem = stem.slice(0, -1) + "f";
    else if (stem.endsWith("z") && stem.length > 3) stem = stem.slice(0, -1) + "s";
    return stem;
  };

  Analyser.prototype.foldAccents = function (text) {
    var fold = this.fold, out = "";
    for (var ch of text) out += Object.prototype.hasOwnProperty.call(fold, ch) ? fold[ch] : ch;
    return out;
  };

  /* The terms of a query, as query_terms() in analysis.py makes them. */
  Analyser.prototype.terms = function (text) {
    var out = [], self = this;
    (String(text).match(TOKEN) || []).forEach(function (token) {
      var word = token.toLowerCase();
      if (Array.from(word).length < self.minsize || self.stop.has(word)) return;
      out.push(self.foldAccents(self.stem(word)));
    });
    return out;
  };

  var api = { Analyser: Analyser, snowball: snowball };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.LexiconAnalysis = api;
})(typeof self !== "undefined" ? self : this);
