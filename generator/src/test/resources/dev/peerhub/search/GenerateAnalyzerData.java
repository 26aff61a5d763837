/*
 * Generates the Unicode tables of the browser analyzer (the export const lines near the top of templates/assets/search/analyzer.js).
 *
 * Run (single-file source launch, JDK 21+, Lucene on the class path):
 *   java -cp lucene-core-10.6.0.jar GenerateAnalyzerData.java  (then replace the export const lines in analyzer.js with its output)
 * (any argument: also prints each class, its first code point and its property bits, to stderr)
 *
 * Nothing here is copied from Lucene: the tables are measured. Lucene's StandardTokenizer is a
 * JFlex scanner that first maps every code point to one of a few dozen character classes (its
 * Unicode 9 view of the UAX#29 word-break, script, line-break and emoji properties). We read that
 * partition, then classify each class by how the real tokenizer treats a member of it in a handful
 * of probe strings, giving one bit set of properties per class. The lower-case table is the
 * running JDK's Character.toLowerCase(int), which is what LowerCaseFilter uses.
 */
import java.io.StringReader;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

public class GenerateAnalyzerData {
  // Property bits; must match analyzer.js.
  static final int AH = 1, HL = 2, HG = 4, NU = 8, KA = 16, ENL = 32, MLX = 64, MNX = 128, SQ = 256,
      DQ = 512, EXT = 1024, ZWJ = 2048, RI = 4096, HAN = 8192, HIR = 16384, SA = 32768, EMO = 65536,
      EMM = 262144, KEYBASE = 1 << 19, KEYCAP = 1 << 20, PRES = 1 << 21, TEXT = 1 << 22,
      TAGSPEC = 1 << 23, TAGTERM = 1 << 24;

  static final StandardTokenizer TOKENIZER = new StandardTokenizer();

  static List<String> tok(String s) throws Exception {
    List<String> out = new ArrayList<>();
    TOKENIZER.setReader(new StringReader(s));
    TOKENIZER.reset();
    CharTermAttribute term = TOKENIZER.getAttribute(CharTermAttribute.class);
    TypeAttribute type = TOKENIZER.getAttribute(TypeAttribute.class);
    while (TOKENIZER.incrementToken()) out.add(term + " " + type.type());
    TOKENIZER.end();
    TOKENIZER.close();
    return out;
  }

  static boolean whole(String s, String type) throws Exception {
    List<String> t = tok(s);
    return t.size() == 1 && t.get(0).equals(s + " " + type);
  }

  static boolean whole(String s) throws Exception {
    List<String> t = tok(s);
    return t.size() == 1 && t.get(0).startsWith(s + " ");
  }

  static int bitsByCodePoint(int cp) {
    int b = 0;
    if (cp == '\'') b |= SQ;
    if (cp == '"') b |= DQ;
    if (cp == 0x200D) b |= ZWJ;
    if ((cp >= '0' && cp <= '9') || cp == '#' || cp == '*') b |= KEYBASE;
    if (cp == 0x20E3) b |= KEYCAP;
    if (cp == 0xFE0F) b |= PRES;
    if (cp == 0xFE0E) b |= TEXT;
    if (cp >= 0xE0020 && cp <= 0xE007E) b |= TAGSPEC;
    if (cp == 0xE007F) b |= TAGTERM;
    return b;
  }

  static int probe(int cp) throws Exception {
    String c = new String(Character.toChars(cp));
    int b = 0;
    if (whole(c, "<IDEOGRAPHIC>")) b |= HAN;
    if (whole(c, "<HIRAGANA>")) b |= HIR;
    if (whole(c, "<KATAKANA>")) b |= KA;
    if (whole(c, "<HANGUL>")) b |= HG;
    if (whole(c, "<SOUTHEAST_ASIAN>")) b |= SA;
    if ((b & HAN) == 0 && whole("\u4E2D" + c, "<IDEOGRAPHIC>")) b |= EXT;
    boolean ext = (b & EXT) != 0;
    if (!ext && tok(c).isEmpty() && whole(c + "a", "<ALPHANUM>")) b |= ENL;
    boolean enl = (b & ENL) != 0;
    if (!ext && !enl && whole("1" + c, "<NUM>")) b |= NU;
    boolean nu = (b & NU) != 0;
    if (!ext && !enl && !nu && whole("a" + c, "<ALPHANUM>")) b |= AH;
    if ((b & AH) != 0 && whole(c + "'", "<ALPHANUM>")) b |= HL;
    if (!ext && !enl && !nu && (b & AH) == 0 && whole("a" + c + "a", "<ALPHANUM>")) b |= MLX;
    if (!ext && !enl && !nu && whole("1" + c + "1", "<NUM>")) b |= MNX;
    if (tok(c).isEmpty() && whole(c + c, "<EMOJI>")) b |= RI;
    if (whole(c + "\uFE0F", "<EMOJI>")) b |= EMO;
    // A lone modifier is an emoji token, but not followed by a presentation selector.
    // (Emoji_Modifier_Base needs no bit: in this grammar every base is also an emoji character and
    // every modifier also extends, so "base modifier" is already "emoji extend".)
    if ((b & EMO) == 0 && whole(c, "<EMOJI>")) b |= EMM;
    return b | bitsByCodePoint(cp);
  }

  public static void main(String[] args) throws Exception {
    Class<?> impl = Class.forName("org.apache.lucene.analysis.standard.StandardTokenizerImpl");
    Method cmap = impl.getDeclaredMethod("zzCMap", int.class);
    cmap.setAccessible(true);
    int max = Character.MAX_CODE_POINT;
    int[] cls = new int[max + 1];
    int nClasses = 0;
    for (int cp = 0; cp <= max; cp++) {
      cls[cp] = (Integer) cmap.invoke(null, cp);
      nClasses = Math.max(nClasses, cls[cp] + 1);
    }
    int[] rep = new int[nClasses];
    java.util.Arrays.fill(rep, -1);
    int[] codeBits = new int[nClasses];
    java.util.Arrays.fill(codeBits, -1);
    for (int cp = 0; cp <= max; cp++) {
      int k = cls[cp];
      int cb = bitsByCodePoint(cp);
      if (codeBits[k] == -1) codeBits[k] = cb;
      else if (codeBits[k] != cb) throw new IllegalStateException("class " + k + " mixes code-point sets at U+" + Integer.toHexString(cp));
      if (rep[k] == -1 && (cp < 0xD800 || cp > 0xDFFF)) rep[k] = cp;
    }
    int[] bits = new int[nClasses];
    for (int k = 0; k < nClasses; k++) {
      bits[k] = rep[k] < 0 ? 0 : probe(rep[k]);
      if (args.length > 0) System.err.printf("class %d rep U+%04X bits %s%n", k, rep[k], Integer.toBinaryString(bits[k]));
    }

    // Merge classes with identical bits: the browser only needs distinct behaviours.
    List<Integer> distinct = new ArrayList<>();
    int[] remap = new int[nClasses];
    for (int k = 0; k < nClasses; k++) {
      int idx = distinct.indexOf(bits[k]);
      if (idx < 0) { idx = distinct.size(); distinct.add(bits[k]); }
      remap[k] = idx;
    }
    // Class 0 must be "no property" so the tables only list the rest.
    if (distinct.get(remap[cls[0x20]]) != 0) throw new IllegalStateException("space has properties");

    final String classChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&()*+-./:;<=>?@[]^_{|}~";
    if (distinct.size() > classChars.length()) throw new IllegalStateException("too many classes");
    int zero = distinct.indexOf(0);
    StringBuilder runs = new StringBuilder();
    int start = 0;
    int prevStart = 0;
    for (int cp = 1; cp <= max + 1; cp++) {
      if (cp == max + 1 || remap[cls[cp]] != remap[cls[start]]) {
        int k = remap[cls[start]];
        if (k != zero) {
          // each run: gap from end of previous listed run, class char, length (base 36)
          if (runs.length() > 0) runs.append(',');
          runs.append(Integer.toString(start - prevStart, 36)).append(classChars.charAt(k))
              .append(Integer.toString(cp - start, 36));
          prevStart = cp;
        }
        start = cp;
      }
    }

    // Lower case: runs of code points whose mapping is cp+delta, with stride 1 or 2.
    StringBuilder lower = new StringBuilder();
    int prevEnd = 0;
    for (int cp = 0; cp <= max; ) {
      int d = Character.toLowerCase(cp) - cp;
      if (d == 0) { cp++; continue; }
      int stride = 1;
      int n = 1;
      if (cp + 1 <= max && Character.toLowerCase(cp + 1) - (cp + 1) == d) {
        while (cp + n <= max && Character.toLowerCase(cp + n) - (cp + n) == d) n++;
      } else {
        stride = 2;
        while (cp + n * 2 <= max && Character.toLowerCase(cp + n * 2) - (cp + n * 2) == d
            && Character.toLowerCase(cp + n * 2 - 1) == cp + n * 2 - 1) n++;
      }
      // gap,count,delta,stride separated by ','; entries by ';'
      if (lower.length() > 0) lower.append(';');
      lower.append(Integer.toString(cp - prevEnd, 36)).append(',').append(Integer.toString(n, 36))
          .append(',').append(Integer.toString(d, 36));
      if (stride == 2) lower.append(",2");
      int last = cp + (n - 1) * stride;
      prevEnd = last + 1;
      cp = last + 1;
    }

    StringBuilder bitsOut = new StringBuilder();
    for (int k = 0; k < distinct.size(); k++) bitsOut.append(k == 0 ? "" : ",").append(distinct.get(k));
    String out = "// Generated by generator/src/test/resources/dev/peerhub/search/GenerateAnalyzerData.java\n"
        + "// from Lucene " + org.apache.lucene.util.Version.LATEST + " StandardTokenizer (Unicode 9 word-break classes) and\n"
        + "// Java " + Runtime.version().feature() + " Character.toLowerCase. Do not edit; regenerate.\n"
        + "export const CLASS_CHARS = " + quote(classChars.substring(0, distinct.size())) + ";\n"
        + "export const CLASS_BITS = [" + bitsOut + "];\n"
        + "export const CLASS_RUNS = " + quote(runs.toString()) + ";\n"
        + "export const LOWER_RUNS = " + quote(lower.toString()) + ";\n";
    System.out.print(out);
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
