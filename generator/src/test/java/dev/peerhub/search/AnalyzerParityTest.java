package dev.peerhub.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden test: the browser analyzer (templates/assets/search/analyzer.js, run in Node) must give
 * exactly what Lucene's EnglishAnalyzer (behind {@link ApostropheFolding}, as the site uses it) and
 * StandardTokenizer give, term for term, position for
 * position, and for the tokenizer also type and offsets.
 */
class AnalyzerParityTest {
  private static final Path DICTIONARY = Paths.get("/usr/share/dict/american-english");
  private static final int SHOWN_DIFFERENCES = 20;

  private static Path repo;
  private static Analyzer english;
  private static StandardTokenizer tokenizer;
  private static Analyzer stemOnly;

  @BeforeAll
  static void setUp() {
    repo = findRepo();
    english = SearchFields.analyzer("en"); // EnglishAnalyzer reading the curly apostrophe as '
    tokenizer = new StandardTokenizer();
    stemOnly = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        var source = new org.apache.lucene.analysis.core.KeywordTokenizer();
        return new TokenStreamComponents(source, new org.apache.lucene.analysis.en.PorterStemFilter(source));
      }
    };
  }

  @AfterAll
  static void tearDown() throws IOException {
    english.close();
    tokenizer.close();
    stemOnly.close();
  }

  // ------------------------------------------------------------------------------ the tests

  @Test
  void contentAndSeedDocuments() throws Exception {
    List<String[]> requests = new ArrayList<>();
    List<Path> docs = new ArrayList<>();
    Path content = repo.resolve("content");
    if (Files.isDirectory(content)) {
      try (Stream<Path> s = Files.walk(content)) {
        s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
      }
    }
    Path seeds = repo.resolve("../shared/seeds").normalize();
    if (Files.isDirectory(seeds)) {
      try (Stream<Path> s = Files.list(seeds)) {
        s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(docs::add);
      }
    }
    for (Path doc : docs) {
      String text = Files.readString(doc, StandardCharsets.UTF_8);
      requests.add(new String[] {"analyze", text});
      requests.add(new String[] {"tokenize", text});
    }
    // Always at least the built-in sample, so the test checks something without content.
    String sample = readResource("sample.md");
    requests.add(new String[] {"analyze", sample});
    requests.add(new String[] {"tokenize", sample});
    compare(requests);
  }

  @Test
  void everyDictionaryWord() throws Exception {
    if (!Files.isRegularFile(DICTIONARY)) {
      fail(DICTIONARY + " is missing: install the word list with 'apt-get install wamerican'"
          + " (the project's .ci/prepare does this)");
    }
    List<String> words = Files.readAllLines(DICTIONARY, StandardCharsets.UTF_8);
    assertTrue(words.size() > 50_000, "word list looks truncated: " + words.size() + " lines");
    List<String[]> requests = new ArrayList<>();
    for (String w : words) {
      requests.add(new String[] {"analyze", w});
      requests.add(new String[] {"tokenize", w});
    }
    // The words also as running text, so positions and stop words interact.
    requests.add(new String[] {"analyze", String.join(" ", words.subList(0, 5000))});
    compare(requests);
  }

  /**
   * Words as they stand in running text, between punctuation (analyzer.js takes a shortcut for
   * ASCII letters between some punctuation; the tokenizer must agree with it everywhere).
   */
  @Test
  void punctuatedWords() throws Exception {
    String[] before = {"", "(", "[", "\"", "((", "(\"", "'", "‘", "“", "-", "#", "*", "<", "_", "."};
    String[] after = {"", ".", ",", ";", ":", "!", "?", ")", "]", "\"", ").", "\",", "...", "'", "’", "”",
      "'s", "-", "/", "_", ".a", ":b", ",c", "1", "%"};
    List<String> words = new ArrayList<>(List.of("a", "I", "The", "THE", "running", "Caribou", "nutmeg", "x",
        "ies", "eing", "sky", "Sky's", "généreux", "über", "naïve", "résumé", "zz", "q"));
    if (Files.isRegularFile(DICTIONARY)) {
      List<String> dict = Files.readAllLines(DICTIONARY, StandardCharsets.UTF_8);
      for (int i = 0; i < dict.size(); i += 97) words.add(dict.get(i));
    }
    List<String[]> requests = new ArrayList<>();
    for (String w : words) {
      for (String b : before) {
        for (String a : after) {
          requests.add(new String[] {"analyze", b + w + a});
        }
      }
    }
    compare(requests);
  }

  @Test
  void edgeCases() throws Exception {
    List<String> cases = new ArrayList<>();
    for (String line : readResource("edge-cases.txt").split("\n", -1)) {
      if (line.startsWith("#") || line.isEmpty()) continue;
      cases.add(unescape(line));
    }
    cases.add("");
    cases.add(" \t\n\r  \u3000\u00A0");
    // The curly apostrophe (as phones type it) is read as ' by both analyzers.
    cases.add("don\u2019t it\u2019s the group\u2019s \u2019quoted\u2019 rock\u2019n\u2019roll \u2019\u2019 o\u2019 x\u2019\u2019y");
    // Tokens around Lucene's 255-char limit, including a surrogate pair across the boundary.
    for (int n : new int[] {254, 255, 256, 300, 510, 511, 600}) {
      cases.add("x".repeat(n));
      cases.add("ab " + "y".repeat(n) + "'s end");
      cases.add("9".repeat(n) + ".5");
      cases.add("z".repeat(n - 1) + "\uD835\uDC00" + "zz");
      cases.add("\u4E2D" + "\u0301".repeat(n));
      cases.add("the " + "k".repeat(n - 2) + "'s " + "1".repeat(n - 1) + "_" + "q");
    }
    List<String[]> requests = new ArrayList<>();
    for (String c : cases) {
      requests.add(new String[] {"analyze", c});
      requests.add(new String[] {"tokenize", c});
      requests.add(new String[] {"lower", c});
    }
    requests.add(new String[] {"stopwords", ""});
    compare(requests);
  }

  /** Random strings over members of every Unicode class the tokenizer distinguishes. */
  @Test
  void randomMixturesOfCharacterClasses() throws Exception {
    String[] alphabet = {
      "a", "Z", "é", "ß", "İ", "Σ", "ς", "Ω", "ж", "ع", "א", "ש", "1", "9", "٣", "１", "_", "‿",
      "'", "’", "＇", "\"", ".", ",", ":", ";", "·", "-", " ", "\t", "\n", "\u00AD", "\u0301",
      "\u200B", "\u200C", "\u200D", "\u2060", "\uFE0E", "\uFE0F", "\u20E3", "#", "*", "©", "®",
      "™", "〰", "〽", "ℹ", "Ⓜ", "☺", "❤", "👍", "🏻", "🏿", "👨", "👩", "🇺", "🇸", "🏴",
      "\uDB40\uDC67", "\uDB40\uDC7F", "中", "国", "𠀀", "ひ", "ゝ", "カ", "ー", "ｶ", "한", "ᄀ",
      "ﾡ", "ก", "ั", "ລ", "က", "ក", "ᬅ", "ـ", "\u0600", "\u0E33", "\uD800", "\uDC00", "s", "S",
      "\u0130", "x", "5", "𝐀", "🀄", "🆗", "↔", "⌚", "@", "/", "+", "%", "$"
    };
    List<String> symbols = new ArrayList<>(List.of(alphabet));
    for (int cp : classRepresentatives()) symbols.add(new String(Character.toChars(cp)));
    alphabet = symbols.toArray(new String[0]);
    Random random = new Random(20240501L);
    List<String[]> requests = new ArrayList<>();
    for (int i = 0; i < 6000; i++) {
      StringBuilder sb = new StringBuilder();
      int len = 1 + random.nextInt(i < 3000 ? 6 : 14);
      for (int j = 0; j < len; j++) sb.append(alphabet[random.nextInt(alphabet.length)]);
      requests.add(new String[] {"tokenize", sb.toString()});
      requests.add(new String[] {"analyze", sb.toString()});
    }
    // Long runs that cross Lucene's 255-char buffer, with surrogates (paired and lone) near the
    // buffer edges and at the end of the text, where the scanner's refill logic shows.
    String[] longAlphabet = {"a", "b", "1", "_", "'", ".", " ", "\u0301", "\uD835\uDC00", "\uD800", "\uDC00",
      "\uD83D\uDC4D", "\u200D", "\u4E2D", "\u0E01", "\uD840\uDC00"};
    for (int i = 0; i < 1500; i++) {
      StringBuilder sb = new StringBuilder();
      int target = 200 + random.nextInt(700);
      while (sb.length() < target) {
        // mostly letters, so that tokens get long
        sb.append(random.nextInt(4) > 0 ? "x" : longAlphabet[random.nextInt(longAlphabet.length)]);
      }
      if (i % 3 == 0) sb.append('\uD800');
      requests.add(new String[] {"tokenize", sb.toString()});
    }
    // One representative of every character class Lucene's scanner has, alone and in context.
    for (int cp : classRepresentatives()) {
      String c = new String(Character.toChars(cp));
      for (String context : new String[] {"%s", "a%s", "%sa", "a%sa", "1%s1", "%s%s", "\u4E2D%s",
          "%s\u0301", "%s\uFE0F", "\uD83D\uDC4D%s", "%s\u200D\u2764", "\u05D0%s\u05D1", "%s_x"}) {
        requests.add(new String[] {"tokenize", context.replace("%s", c)});
      }
    }
    compare(requests);
  }

  /** The shipped class tables are what the generator measures from this Lucene now. */
  @Test
  void shippedTablesAreCurrent() throws Exception {
    Path generator = repo.resolve("generator/src/test/resources/dev/peerhub/search/GenerateAnalyzerData.java");
    Path shipped = repo.resolve("templates/assets/search/analyzer.js");
    Process p = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), generator.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    p.getOutputStream().close();
    String fresh = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0, "table generator failed");
    String current = Files.readString(shipped, StandardCharsets.UTF_8);
    for (String table : new String[] {"CLASS_CHARS", "CLASS_BITS", "CLASS_RUNS"}) {
      assertEquals(line(fresh, table), line(current, table), table + " in " + shipped
          + " is stale: regenerate it with " + generator + " (see its header)");
    }
    // LOWER_RUNS follows the JDK's Unicode version; lowerCaseOfEveryCodePoint checks it directly.
  }

  private static String line(String js, String name) {
    for (String l : js.split("\n")) if (l.startsWith("export const " + name + " ")) return l;
    return "(no " + name + ")";
  }

  @Test
  void lowerCaseOfEveryCodePoint() throws Exception {
    List<String[]> requests = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (cp >= 0xD800 && cp <= 0xDFFF) continue;
      sb.appendCodePoint(cp);
      if (sb.length() >= 4096) {
        requests.add(new String[] {"lower", sb.toString()});
        sb.setLength(0);
      }
    }
    requests.add(new String[] {"lower", sb.toString()});
    try {
      compare(requests);
    } catch (AssertionError e) {
      String shipped = Files.readString(repo.resolve("templates/assets/search/analyzer.js"), StandardCharsets.UTF_8);
      throw new AssertionError("lower-case table differs from Character.toLowerCase of Java "
          + Runtime.version().feature() + "; the table's header says which Java generated it:\n"
          + shipped.lines().limit(3).reduce("", (a, b) -> a + b + "\n") + e.getMessage(), e);
    }
  }

  @Test
  void stemmerOnWordsTheAnalyzerWouldNotStem() throws Exception {
    // Stop words and short words reach the stemmer only through porterStem() itself.
    List<String[]> requests = new ArrayList<>();
    for (String w : "a an as is it this was these there their then ed ing sses ies eed bled feed ions ion oed aed y yy sky skies ly ally".split(" ")) {
      requests.add(new String[] {"stem", w});
    }
    // Random words built from the letters and endings the stemmer's rules look at.
    String[] pieces = {"a", "e", "i", "o", "u", "y", "b", "c", "d", "g", "l", "m", "n", "r", "s", "t", "v", "z", "w", "x",
      "ss", "ll", "at", "bl", "iz", "eed", "ed", "ing", "ies", "sses", "ational", "tional", "enci", "anci", "izer",
      "bli", "alli", "entli", "eli", "ousli", "ization", "ation", "ator", "alism", "iveness", "fulness", "ousness",
      "aliti", "iviti", "biliti", "logi", "icate", "ative", "alize", "iciti", "ical", "ful", "ness", "al", "ance",
      "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "sion", "tion", "ou", "ism", "ate",
      "iti", "ous", "ive", "ize", "é", "ß"};
    Random random = new Random(1980L);
    for (int i = 0; i < 20000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = 1 + random.nextInt(5);
      for (int j = 0; j < n; j++) sb.append(pieces[random.nextInt(pieces.length)]);
      requests.add(new String[] {"stem", sb.toString()});
    }
    compare(requests);
  }

  /**
   * client.js skips, in excerpts, the plain words (ASCII letters) that cannot hold a query term; it
   * relies on the Porter stem of such a word keeping all of the word but the stem's last letter
   * (the rules only cut suffixes, and each replacement adds at most one letter, an 'e' or the 'i'
   * of a final 'y'). Checked on Lucene's stemmer for every dictionary word, with and without the
   * endings the rules look at, and on random words built from those endings.
   */
  @Test
  void stemKeepsTheWordButItsLastLetter() throws Exception {
    if (!Files.isRegularFile(DICTIONARY)) fail(DICTIONARY + " is missing: apt-get install wamerican");
    String[] endings = {"", "s", "es", "ies", "ed", "ing", "ly", "y", "ied", "ying", "ness", "ation", "ational",
      "tional", "ations", "izer", "ization", "iveness", "fulness", "ousness", "ility", "bility", "ibility", "ically",
      "ement", "ative", "alize", "alizing", "enci", "anci", "ency", "ancy", "ousli", "entli", "alli", "eli", "bli",
      "logi", "logy", "ator", "alism", "aliti", "iviti", "biliti", "icate", "iciti", "ical", "ful", "ism", "iti",
      "ous", "ive", "ize", "ate", "ant", "ent", "ment", "ion", "sion", "tion", "ou", "er", "ic", "able", "ible",
      "al", "ll", "e", "eed", "ated", "bled", "ized", "sses"};
    List<String> words = new ArrayList<>();
    for (String w : Files.readAllLines(DICTIONARY, StandardCharsets.UTF_8)) {
      if (!w.matches("[A-Za-z]+")) continue;
      for (String e : endings) words.add(w.toLowerCase(java.util.Locale.ROOT) + e);
    }
    Random random = new Random(1980L);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int n = 1 + random.nextInt(4); n > 0; n--) sb.append(endings[random.nextInt(endings.length)]);
      words.add("bcdglmnrstvz".charAt(random.nextInt(12)) + "aeiouy".substring(random.nextInt(6)).substring(0, 1) + sb);
    }
    List<String> broken = new ArrayList<>();
    for (String w : words) {
      String stem = expected(new String[] {"stem", w});
      if (!stem.isEmpty() && !w.startsWith(stem.substring(0, stem.length() - 1))) broken.add(w + " -> " + stem);
    }
    assertTrue(words.size() > 1_000_000, "too few words: " + words.size());
    assertTrue(broken.isEmpty(), broken.size() + " words whose stem changes more than its last letter: "
        + broken.subList(0, Math.min(20, broken.size())));
  }

  /** The comparison itself must be able to fail: a wrong expectation is reported, not hidden. */
  @Test
  void aDifferenceIsReported() throws Exception {
    List<String[]> requests = new ArrayList<>();
    requests.add(new String[] {"analyze", "running dogs"});
    List<String> js = runNode(requests);
    List<String> wrong = List.of(expected(requests.get(0)).replace("run", "ran"));
    AssertionError e = null;
    try {
      assertSame(requests, wrong, js);
    } catch (AssertionError x) {
      e = x;
    }
    assertTrue(e != null && e.getMessage().contains("running") && e.getMessage().contains("ran"), "a difference must fail the test");
  }

  // ------------------------------------------------------------------------------ Lucene side

  private static String expected(String[] request) throws IOException {
    String text = request[1];
    switch (request[0]) {
      case "analyze": {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = english.tokenStream("body", text)) {
          CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
          PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
          ts.reset();
          int pos = -1;
          while (ts.incrementToken()) {
            pos += inc.getPositionIncrement();
            out.add(esc(term.toString()) + "/" + pos);
          }
          ts.end();
        }
        return String.join("|", out);
      }
      case "tokenize": {
        List<String> out = new ArrayList<>();
        tokenizer.setReader(new StringReader(text));
        tokenizer.reset();
        CharTermAttribute term = tokenizer.getAttribute(CharTermAttribute.class);
        TypeAttribute type = tokenizer.getAttribute(TypeAttribute.class);
        OffsetAttribute off = tokenizer.getAttribute(OffsetAttribute.class);
        while (tokenizer.incrementToken()) {
          out.add(esc(term.toString()) + "/" + type.type() + "/" + off.startOffset() + "/" + off.endOffset());
        }
        tokenizer.end();
        tokenizer.close();
        return String.join("|", out);
      }
      case "lower": {
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(cp -> sb.appendCodePoint(Character.toLowerCase(cp)));
        return esc(sb.toString());
      }
      case "stem": {
        // PorterStemmer is package-private; drive it through its filter on a single token.
        try (TokenStream ts = stemOnly.tokenStream("f", text)) {
          CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
          ts.reset();
          String result = ts.incrementToken() ? term.toString() : "";
          ts.end();
          return esc(result);
        }
      }
      case "stopwords": {
        TreeSet<String> words = new TreeSet<>();
        for (Object o : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) words.add(new String((char[]) o));
        return String.join("|", words) + "/true";
      }
      default:
        throw new IllegalArgumentException(request[0]);
    }
  }

  // ------------------------------------------------------------------------------ comparison

  private static void compare(List<String[]> requests) throws Exception {
    List<String> js = runNode(requests);
    List<String> lucene = new ArrayList<>(requests.size());
    for (String[] r : requests) lucene.add(expected(r));
    assertSame(requests, lucene, js);
  }

  private static void assertSame(List<String[]> requests, List<String> lucene, List<String> js) {
    assertEquals(requests.size(), js.size(), "the Node harness answered a different number of requests");
    StringBuilder report = new StringBuilder();
    int differences = 0;
    for (int i = 0; i < requests.size(); i++) {
      if (lucene.get(i).equals(js.get(i))) continue;
      if (++differences <= SHOWN_DIFFERENCES) {
        String input = requests.get(i)[1];
        report.append("\n#").append(differences).append(' ').append(requests.get(i)[0]).append(" of \"")
            .append(abbreviate(esc(input))).append("\"\n  lucene: ").append(abbreviate(lucene.get(i)))
            .append("\n  js:     ").append(abbreviate(js.get(i)));
      }
    }
    if (differences > 0) {
      fail(differences + " of " + requests.size() + " inputs differ between Lucene and analyzer.js"
          + " (first " + Math.min(differences, SHOWN_DIFFERENCES) + " shown; \\uXXXX = UTF-16 unit):" + report);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 1500 ? s : s.substring(0, 1500) + "...(" + s.length() + " chars)";
  }

  /** One node process for the whole list: JSON requests on stdin, one canonical line each on stdout. */
  private static List<String> runNode(List<String[]> requests) throws Exception {
    Path module = repo.resolve("templates/assets/search/analyzer.js");
    Path harness = repo.resolve("generator/src/test/resources/dev/peerhub/search/analyzer-harness.mjs");
    assertTrue(Files.isRegularFile(module), "missing " + module);
    StringBuilder json = new StringBuilder(requests.size() * 32).append('[');
    for (int i = 0; i < requests.size(); i++) {
      if (i > 0) json.append(",\n");
      json.append("[\"").append(requests.get(i)[0]).append("\",");
      jsonString(json, requests.get(i)[1]);
      json.append(']');
    }
    json.append(']');
    Process p;
    try {
      p = new ProcessBuilder("node", harness.toString(), module.toString())
          .redirectError(ProcessBuilder.Redirect.PIPE).start();
    } catch (IOException e) {
      throw new AssertionError("cannot run 'node' (Node.js 18+ is needed for the analyzer parity test): " + e.getMessage(), e);
    }
    byte[] input = json.toString().getBytes(StandardCharsets.UTF_8);
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try (OutputStream os = p.getOutputStream()) {
        os.write(input);
      } catch (IOException e) {
        throw new RuntimeException(e);
      }
    });
    CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> {
      try (InputStream es = p.getErrorStream()) {
        return es.readAllBytes();
      } catch (IOException e) {
        return new byte[0];
      }
    });
    byte[] out;
    try (InputStream is = p.getInputStream()) {
      out = is.readAllBytes();
    }
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail("node harness timed out");
    }
    String err = new String(stderr.get(), StandardCharsets.UTF_8);
    if (p.exitValue() != 0) fail("node harness failed (exit " + p.exitValue() + "):\n" + err);
    writer.get();
    String text = new String(out, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
    return lines;
  }

  // ------------------------------------------------------------------------------ helpers

  /** Same canonical form as the harness: outside printable ASCII, and / | \, as \\uXXXX. */
  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x21 || c > 0x7e || c == '\\' || c == '/' || c == '|') sb.append(String.format("\\u%04x", (int) c));
      else sb.append(c);
    }
    return sb.toString();
  }

  private static void jsonString(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') sb.append('\\').append(c);
      else if (c >= 0x20 && c < 0x7f) sb.append(c);
      else sb.append(String.format("\\u%04x", (int) c));
    }
    sb.append('"');
  }

  /** Edge-case lines: \\uXXXX (UTF-16 unit), \\n, \\t, \\r and \\\\ escapes. */
  private static String unescape(String line) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c != '\\' || i + 1 >= line.length()) {
        sb.append(c);
        continue;
      }
      char n = line.charAt(++i);
      switch (n) {
        case 'u' -> {
          sb.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
          i += 4;
        }
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        default -> sb.append(n);
      }
    }
    return sb.toString();
  }

  private static String readResource(String name) throws IOException {
    try (InputStream in = AnalyzerParityTest.class.getResourceAsStream(name)) {
      if (in == null) throw new IOException("missing test resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The first code point of every character class of Lucene's JFlex scanner. */
  private static List<Integer> classRepresentatives() throws Exception {
    Class<?> impl = Class.forName("org.apache.lucene.analysis.standard.StandardTokenizerImpl");
    var cmap = impl.getDeclaredMethod("zzCMap", int.class);
    cmap.setAccessible(true);
    List<Integer> reps = new ArrayList<>();
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (cp >= 0xD800 && cp <= 0xDFFF) continue;
      int k = (Integer) cmap.invoke(null, cp);
      if (seen.add(k)) reps.add(cp);
    }
    return reps;
  }

  private static Path findRepo() {
    String prop = System.getProperty("peerhub.repo");
    if (prop != null && !prop.isBlank() && Files.isDirectory(Paths.get(prop, "generator"))) {
      return Paths.get(prop).toAbsolutePath().normalize();
    }
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("generator"))) dir = dir.getParent();
    if (dir == null) throw new IllegalStateException("cannot find the repository (no folder containing generator/)");
    return dir;
  }
}
