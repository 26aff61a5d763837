package dev.peerhub.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.config.SiteConfig;
import dev.peerhub.diagnostic.Diagnostics;
import dev.peerhub.markdown.TocEntry;
import freemarker.core.InvalidReferenceException;
import freemarker.ext.beans.BeanModel;
import freemarker.ext.beans.StringModel;
import freemarker.ext.util.WrapperTemplateModel;
import freemarker.template.AdapterTemplateModel;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.MethodCallAwareTemplateHashModel;
import freemarker.template.ObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateMethodModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateModelIterator;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateSequenceModel;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast record wrapper shows templates exactly what Freemarker's default wrapper shows: every
 * component of every view record by name with the same value and type, nulls, nested records and lists,
 * method calls, bean properties, unknown names, and whole templates render the same.
 */
class RecordWrapperTest {

    private static final ObjectWrapper DEFAULT = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build();
    private static final RecordWrapper FAST = new RecordWrapper(Configuration.VERSION_2_3_34);

    /** Every record a template can reach. */
    private static List<Class<?>> viewRecords() {
        List<Class<?>> all = new ArrayList<>();
        for (Class<?> c : Views.class.getDeclaredClasses()) if (c.isRecord()) all.add(c);
        for (Class<?> c : Models.class.getDeclaredClasses()) if (c.isRecord()) all.add(c);
        for (Class<?> c : SiteConfig.class.getDeclaredClasses()) if (c.isRecord()) all.add(c);
        all.add(Assets.class);
        all.add(TocEntry.class);
        return all;
    }

    @Test
    void everyComponentOfEveryViewRecordReadsAsTheDefaultWrapperReadsIt() throws Exception {
        for (Class<?> type : viewRecords()) {
            for (boolean nulls : new boolean[] {false, true}) {
                Object record = sample(type, 0, nulls);
                TemplateModel fast = FAST.wrap(record);
                assertInstanceOf(RecordWrapper.RecordModel.class, fast, type.getName());
                // twice: the second read comes from what the model kept
                assertSameView(DEFAULT.wrap(record), fast, type.getSimpleName());
                assertSameView(DEFAULT.wrap(record), fast, type.getSimpleName());
            }
        }
    }

    @Test
    void aRecordModelIsStillTheDefaultModelForEverythingButComponents() throws Exception {
        SiteConfig.CrisisLine line = new SiteConfig.CrisisLine("Line", "0800 11 22", "", "", "", "", "", "");
        TemplateModel m = FAST.wrap(line);
        assertInstanceOf(StringModel.class, m);
        assertInstanceOf(BeanModel.class, m);
        assertInstanceOf(MethodCallAwareTemplateHashModel.class, m);
        assertSame(line, ((WrapperTemplateModel) m).getWrappedObject());
        assertSame(line, ((AdapterTemplateModel) m).getAdaptedObject(Object.class));
        assertEquals(line.toString(), ((TemplateScalarModel) m).getAsString());
        assertEquals(keys(DEFAULT.wrap(line)), keys(m));
        assertNull(((TemplateHashModel) m).get("nosuch"));
        assertTrue(FAST.unwrap(m) == line);
        Object tel = ((MethodCallAwareTemplateHashModel) m).getBeforeMethodCall("phoneTel");
        assertInstanceOf(TemplateMethodModel.class, tel);
        // not records: as the default wrapper
        assertEquals(DEFAULT.wrap(List.of("a")).getClass(), FAST.wrap(List.of("a")).getClass());
        assertEquals(DEFAULT.wrap(new StringBuilder("x")).getClass(), FAST.wrap(new StringBuilder("x")).getClass());
        assertNull(FAST.wrap(null));
    }

    @Test
    void recordsThatAreNotPublicAreLeftToTheDefaultModel() throws Exception {
        record Hidden(String name) {}
        assertEquals(DEFAULT.wrap(new Hidden("x")).getClass(), FAST.wrap(new Hidden("x")).getClass());
    }

    @Test
    void templatesRenderTheSameWithEitherWrapper() throws Exception {
        String ftl = """
                <#macro toc entries><#list entries as e>[${e.level} ${e.id} ${e.text}<@toc e.children/>]</#list></#macro>
                ${site.title} ${site.buildYear} ${site.serveMode?c} ${site.assets.url("site.css")} ${site.assets.has("x")?c}
                <#if !site.crisis.empty>${site.crisis.heading}<#list site.crisis.lines as l>${l.name} ${l.phoneTel()} ${l.phoneTel}</#list>${site.crisis.emergency.tel()}</#if>
                <#list site.menu as m>${m.name} ${m.url} ${m.external?c};</#list> ${site.menu?size} ${site.menu[0].name}
                ${page.feedUrl???c} ${(page.feedUrl)!"none"} ${page.noindex?c} ${page.title?has_content?c}
                ${article.title} ${article.readingMinutes + 1} ${article.tags?has_content?c} ${article.authors?join(", ")}
                <#if article.circle??>${article.circle.weekday}</#if><#if article.event??>${article.event.when}</#if>
                <#if article.citation??>${article.citation.year} ${article.citation.authors?join("/")}</#if> <@toc article.toc/>
                ${previous???c} ${next???c} <#list related as r>${r.title} ${r.draft?c} ${r.tags?size}</#list>
                ${article?has_content?c} ${article.contentHtml?no_esc} ${article.summary} ${article}
                """;
        Object model = sample(Models.ArticleModel.class, 0, false);
        Models.ArticleModel withNulls = (Models.ArticleModel) sample(Models.ArticleModel.class, 0, true);
        assertNull(withNulls.previous());
        for (Object m : List.of(model, withNulls)) {
            assertEquals(render(DEFAULT, ftl, m), render(FAST, ftl, m));
        }
    }

    @Test
    void anUnknownNameFailsAsWithTheDefaultWrapper() throws Exception {
        Object model = sample(Models.ArticleModel.class, 0, false);
        for (String expr : List.of("article.titel", "site.crisis.nosuch", "page.draft.x", "nosuch", "article - 1",
                "site.crisis.emergency.tel(1)", "site.assets.url(\"nosuch.css\")", "related[9]")) {
            TemplateException def = assertThrows(TemplateException.class, () -> render(DEFAULT, "${" + expr + "}", model));
            TemplateException fast = assertThrows(TemplateException.class, () -> render(FAST, "${" + expr + "}", model));
            assertEquals(def.getClass(), fast.getClass(), expr);
            assertEquals(def.getBlamedExpressionString(), fast.getBlamedExpressionString(), expr);
            // the one difference: a type description names the model class ("... wrapped into X")
            assertEquals(def.getMessageWithoutStackTop(), fast.getMessageWithoutStackTop()
                    .replace("wrapped into " + RecordWrapper.RecordModel.class.getName(), "wrapped into f.e.b.GenericObjectModel"), expr);
        }
        TemplateException e = assertThrows(TemplateException.class, () -> render(FAST, "${article.titel}", model));
        assertInstanceOf(InvalidReferenceException.class, e);
    }

    @Test
    void engineReportsAMisspeltNameWithFileLineAndHint(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.ftlh"), "<p>\n  ${article.titel}</p>\n", StandardCharsets.UTF_8);
        TemplateEngine engine = new TemplateEngine(dir, "templates");
        Diagnostics out = new Diagnostics();
        assertTrue(engine.render("t.ftlh", sample(Models.ArticleModel.class, 0, false), out).isEmpty());
        String message = out.sorted().toString();
        assertTrue(message.contains("templates/t.ftlh:2:5"), message);
        assertTrue(message.contains("'article.titel' is not defined (did you mean 'title'?)"), message);
    }

    @Test
    void theSwitchFallsBackToTheDefaultWrapper() {
        String before = System.getProperty("peerhub.fastwrap");
        try {
            System.setProperty("peerhub.fastwrap", "false");
            assertTrue(!RecordWrapper.enabled());
            System.setProperty("peerhub.fastwrap", "true");
            assertTrue(RecordWrapper.enabled());
            System.clearProperty("peerhub.fastwrap");
            assertTrue(RecordWrapper.enabled());
        } finally {
            if (before == null) System.clearProperty("peerhub.fastwrap");
            else System.setProperty("peerhub.fastwrap", before);
        }
    }

    private static String render(ObjectWrapper wrapper, String ftl, Object model) throws IOException, TemplateException {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        TemplateEngine.applyRenderingSettings(cfg); // as the build renders
        cfg.setObjectWrapper(wrapper);
        Template t = new Template("t.ftlh", new StringReader(ftl), cfg);
        StringWriter w = new StringWriter();
        t.process(model, w);
        return w.toString();
    }

    /** Compares what templates can see of two models, recursively. */
    private static void assertSameView(TemplateModel expected, TemplateModel actual, String path) throws Exception {
        if (expected == null) {
            assertNull(actual, path);
            return;
        }
        assertNotNull(actual, path);
        for (Class<?> kind : List.of(TemplateScalarModel.class, TemplateNumberModel.class, TemplateBooleanModel.class,
                TemplateSequenceModel.class, TemplateCollectionModel.class, TemplateHashModel.class,
                TemplateHashModelEx.class, TemplateMethodModel.class, MethodCallAwareTemplateHashModel.class,
                AdapterTemplateModel.class, WrapperTemplateModel.class, BeanModel.class, StringModel.class)) {
            assertEquals(kind.isInstance(expected), kind.isInstance(actual), path + " is " + kind.getSimpleName());
        }
        if (!(expected instanceof BeanModel)) assertEquals(expected.getClass(), actual.getClass(), path);
        if (expected instanceof TemplateScalarModel s) {
            assertEquals(s.getAsString(), ((TemplateScalarModel) actual).getAsString(), path);
        }
        if (expected instanceof TemplateNumberModel n) {
            assertEquals(n.getAsNumber(), ((TemplateNumberModel) actual).getAsNumber(), path);
        }
        if (expected instanceof TemplateBooleanModel b) {
            assertEquals(b.getAsBoolean(), ((TemplateBooleanModel) actual).getAsBoolean(), path);
        }
        if (expected instanceof TemplateSequenceModel seq) {
            TemplateSequenceModel other = (TemplateSequenceModel) actual;
            assertEquals(seq.size(), other.size(), path);
            for (int i = 0; i < seq.size(); i++) assertSameView(seq.get(i), other.get(i), path + "[" + i + "]");
        }
        if (expected instanceof WrapperTemplateModel w && w.getWrappedObject() instanceof Record r) {
            assertSame(r, ((WrapperTemplateModel) actual).getWrappedObject(), path);
            assertEquals(keys(expected), keys(actual), path);
            for (RecordComponent rc : r.getClass().getRecordComponents()) {
                assertSameView(((TemplateHashModel) expected).get(rc.getName()),
                        ((TemplateHashModel) actual).get(rc.getName()), path + "." + rc.getName());
            }
        }
    }

    private static Set<String> keys(TemplateModel m) throws TemplateModelException {
        Set<String> keys = new TreeSet<>();
        TemplateModelIterator it = ((TemplateHashModelEx) m).keys().iterator();
        while (it.hasNext()) keys.add(((TemplateScalarModel) it.next()).getAsString());
        return keys;
    }

    /** An instance with a value for every component (null for nullable ones when {@code nulls}). */
    private static Object sample(Class<?> type, int depth, boolean nulls) throws Exception {
        RecordComponent[] rcs = type.getRecordComponents();
        Class<?>[] types = new Class<?>[rcs.length];
        Object[] args = new Object[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            types[i] = rcs[i].getType();
            args[i] = value(rcs[i].getType(), rcs[i].getGenericType(), rcs[i].getName(), i, depth, nulls);
        }
        return type.getDeclaredConstructor(types).newInstance(args);
    }

    private static Object value(Class<?> type, Type generic, String name, int i, int depth, boolean nulls)
            throws Exception {
        boolean nullable = Set.of("previous", "next", "circle", "event", "citation", "feedUrl", "previousUrl",
                "nextUrl").contains(name);
        if (nulls && nullable) return null;
        if (type == String.class) return name.endsWith("Html") ? "<b>" + name + "</b>" : name + " <&> " + i;
        if (type == int.class) return i + 1;
        if (type == boolean.class) return i % 2 == 0;
        if (type == Assets.class) return new Assets(Map.of("site.css", "/site.1.css"));
        if (type == Map.class) return Map.of("site.css", "/site.1.css");
        if (type == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            if (element == String.class) return List.of(name + " one", name + " two");
            if (depth > 2) return List.of();
            Class<?> c = (Class<?>) element;
            return List.of(sample(c, depth + 1, nulls), sample(c, depth + 1, !nulls));
        }
        if (type.isRecord()) return depth > 3 ? null : sample(type, depth + 1, nulls);
        return null;
    }
}
