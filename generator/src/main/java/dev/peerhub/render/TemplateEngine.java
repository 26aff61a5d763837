package dev.peerhub.render;

import dev.peerhub.diagnostic.DidYouMean;
import dev.peerhub.diagnostic.Diagnostics;
import dev.peerhub.diagnostic.SourcePosition;
import freemarker.cache.FileTemplateLoader;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Freemarker set up for a theme folder: HTML auto-escaping for {@code .ftlh}, no access to Java
 * classes from templates, errors rethrown and turned into diagnostics with the template's file, line
 * and column. Thread-safe: templates are parsed once and rendered from any thread.
 */
public final class TemplateEngine {

    private static final Set<String> MODEL_NAMES = modelNames();

    private final Configuration cfg;
    private final String templatesRel;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /**
     * @param templatesDir the theme folder
     * @param templatesRel its path relative to the site, for messages (usually {@code templates})
     */
    public TemplateEngine(Path templatesDir, String templatesRel) throws IOException {
        this.templatesRel = templatesRel;
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(new FileTemplateLoader(templatesDir.toFile()));
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        applyRenderingSettings(cfg);
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        cfg.setObjectWrapper(RecordWrapper.enabled() ? new RecordWrapper(Configuration.VERSION_2_3_34)
                : new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
    }

    /**
     * How templates render and fail (locale, number and boolean formats, errors thrown rather than printed,
     * no access to Java classes): the engine's settings, shared with the tests that render templates
     * with another object wrapper.
     */
    static void applyRenderingSettings(Configuration cfg) {
        cfg.setLocale(Locale.ROOT);
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    }

    /** Parses a template ahead of use; a syntax error or a missing file becomes a diagnostic. */
    public boolean check(String name, Diagnostics out) {
        try {
            cfg.getTemplate(name);
            return true;
        } catch (TemplateNotFoundException e) {
            out.error(SourcePosition.of(templatesRel + "/" + name), "template not found: the theme needs " + name);
        } catch (ParseException e) {
            report(out, SourcePosition.of(templatesRel + "/" + name, Math.max(0, e.getLineNumber()),
                    Math.max(0, e.getColumnNumber())), "template syntax error: " + oneLine(e.getEditorMessage()));
        } catch (IOException e) {
            out.error(SourcePosition.of(templatesRel + "/" + name), "cannot read template: " + e.getMessage());
        }
        return false;
    }

    /**
     * Forgets which errors were reported, so a build that reuses this engine (serve, when no template
     * changed) reports again the errors a previous build had.
     */
    public void forgetReported() {
        reported.clear();
    }

    /** Renders a template with a model record; empty when it fails (the error is reported once per place). */
    public Optional<byte[]> render(String name, Object model, Diagnostics out) {
        try {
            Template t = cfg.getTemplate(name);
            Utf8Out w = Utf8Out.get();
            t.process(model, w);
            return Optional.of(w.bytes());
        } catch (TemplateException e) {
            String file = e.getTemplateSourceName() == null ? name : e.getTemplateSourceName();
            SourcePosition at = SourcePosition.of(templatesRel + "/" + file,
                    e.getLineNumber() == null ? 0 : e.getLineNumber(),
                    e.getColumnNumber() == null ? 0 : e.getColumnNumber());
            report(out, at, describe(e));
        } catch (ParseException e) {
            report(out, SourcePosition.of(templatesRel + "/" + name, Math.max(0, e.getLineNumber()),
                    Math.max(0, e.getColumnNumber())), "template syntax error: " + oneLine(e.getEditorMessage()));
        } catch (TemplateNotFoundException e) {
            report(out, SourcePosition.of(templatesRel + "/" + name), "template not found: the theme needs " + name);
        } catch (IOException e) {
            report(out, SourcePosition.of(templatesRel + "/" + name), "cannot read template: " + e.getMessage());
        }
        return Optional.empty();
    }

    private void report(Diagnostics out, SourcePosition at, String message) {
        if (reported.add(at + message)) {
            out.error(at, message);
        }
    }

    private static String describe(TemplateException e) {
        String blamed = e.getBlamedExpressionString();
        if (e instanceof InvalidReferenceException && blamed != null) {
            String last = blamed.contains(".") ? blamed.substring(blamed.lastIndexOf('.') + 1) : blamed;
            return "'" + blamed + "' is not defined" + DidYouMean.hint(last, MODEL_NAMES)
                    + " (see templates/README.md for what templates receive)";
        }
        String msg = e.getMessageWithoutStackTop();
        if (e.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null) {
            msg = iae.getMessage();
        } else if (e.getCause() != null && e.getCause().getCause() instanceof IllegalArgumentException iae2) {
            msg = iae2.getMessage();
        }
        return oneLine(msg);
    }

    private static String oneLine(String s) {
        if (s == null) return "template error";
        String first = s.strip();
        int tip = first.indexOf("\n----");
        if (tip > 0) first = first.substring(0, tip);
        return first.replaceAll("\\s*\\n\\s*", " ").replace("==> ", "")
                .replaceAll("\\s*\\(See FreeMarker Manual[^)]*\\)\\.?", "").replaceAll("\\s{2,}", " ").strip();
    }

    /** Every property name of the model records, for "did you mean". */
    private static Set<String> modelNames() {
        Set<String> names = new TreeSet<>();
        for (Class<?> c : Views.class.getDeclaredClasses()) {
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) names.add(rc.getName());
            }
        }
        for (Class<?> c : Models.class.getDeclaredClasses()) {
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) names.add(rc.getName());
            }
        }
        return names;
    }
}
