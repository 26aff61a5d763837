package dev.peerhub.render;

import freemarker.ext.beans.StringModel;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.MethodCallAwareTemplateHashModel;
import freemarker.template.TemplateMethodModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.Version;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.function.Function;

/**
 * The object wrapper of {@link TemplateEngine}: Freemarker's {@link DefaultObjectWrapper} with the same
 * settings, except that public records (the view records templates receive) are wrapped into a
 * {@link RecordModel}, which reads a record component by name through an accessor resolved once per class
 * instead of the bean introspection and reflective call of the default model, and keeps what it has
 * wrapped for the next read of the same name.
 *
 * <p>What templates see does not change: a {@link RecordModel} is the default model of the record (a
 * {@link StringModel} that is also method-call aware) for everything but reading a component, so method
 * calls ({@code site.assets.url("x")}), bean properties ({@code site.crisis.empty}), unknown names (null, so
 * the usual "is not defined" error), {@code ?has_content}, printing and unwrapping behave as before; a
 * component's value is wrapped by this wrapper exactly as the default model wraps what the accessor
 * returns. Everything that is not such a record is wrapped by {@link DefaultObjectWrapper} itself.
 */
final class RecordWrapper extends DefaultObjectWrapper {

    /** {@code -Dpeerhub.fastwrap=false} renders with Freemarker's own wrapper, to compare. */
    static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty("peerhub.fastwrap", "true").strip());
    }

    private final ClassValue<Shape> shapes = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    RecordWrapper(Version incompatibleImprovements) {
        super(new DefaultObjectWrapperBuilder(incompatibleImprovements), true);
    }

    @Override
    protected TemplateModel handleUnknownType(Object obj) throws TemplateModelException {
        if (obj instanceof Record) {
            Shape shape = shapes.get(obj.getClass());
            if (shape != Shape.NONE) {
                return new RecordModel(obj, this, shape);
            }
        }
        return super.handleUnknownType(obj);
    }

    /**
     * The readable components of a record class: name to slot, and the accessor of each slot. A class gets
     * {@link #NONE} (the default model) when it is not public, or when a component could mean something
     * else to the default model (a {@code getX}/{@code isX} bean property of the same name, an accessor
     * that is not public); {@link RecordModel} checks the rest the first time it reads a component.
     */
    static final class Shape {
        static final Shape NONE = new Shape(new String[0], new Function[0]);

        final Function<Object, Object>[] getters;
        /** Per slot: 0 not yet checked against the default model, 1 read directly, -1 leave to the default model. */
        final byte[] checked;
        // name -> slot, open addressing on String.hashCode (a Map lookup was a sixth of the rendering time)
        private final String[] names;
        private final int[] hashes;
        private final int[] slotOf;
        private final int mask;

        private Shape(String[] componentNames, Function<Object, Object>[] getters) {
            this.getters = getters;
            this.checked = new byte[getters.length];
            int size = Integer.highestOneBit(Math.max(1, componentNames.length) * 4);
            this.names = new String[size];
            this.hashes = new int[size];
            this.slotOf = new int[size];
            this.mask = size - 1;
            for (int slot = 0; slot < componentNames.length; slot++) {
                int h = componentNames[slot].hashCode();
                int i = spread(h) & mask;
                while (names[i] != null) i = (i + 1) & mask;
                names[i] = componentNames[slot];
                hashes[i] = h;
                slotOf[i] = slot;
            }
        }

        private static int spread(int h) {
            return h ^ (h >>> 16);
        }

        /** The slot of a component name, or -1. */
        int slot(String key) {
            int h = key.hashCode();
            for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
                String name = names[i];
                if (name == null) return -1;
                if (hashes[i] == h && (name == key || name.equals(key))) return slotOf[i];
            }
        }

        static Shape of(Class<?> type) {
            if (!type.isRecord() || !isPublic(type)) return NONE;
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            @SuppressWarnings("unchecked")
            Function<Object, Object>[] getters = new Function[components.length];
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            try {
                for (int i = 0; i < components.length; i++) {
                    RecordComponent rc = components[i];
                    Method accessor = rc.getAccessor();
                    if (!Modifier.isPublic(accessor.getModifiers()) || hasBeanGetter(type, rc.getName())) return NONE;
                    getters[i] = getter(lookup, lookup.unreflect(accessor));
                    names[i] = rc.getName();
                }
            } catch (Throwable e) {
                return NONE;
            }
            return new Shape(names, getters);
        }

        private static boolean isPublic(Class<?> type) {
            for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
                if (!Modifier.isPublic(c.getModifiers())) return false;
            }
            return true;
        }

        private static boolean hasBeanGetter(Class<?> type, String name) {
            String cap = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
            for (Method m : type.getMethods()) {
                if (m.getParameterCount() == 0 && (m.getName().equals("get" + cap) || m.getName().equals("is" + cap))) {
                    return true;
                }
            }
            return false;
        }

        /** A {@code Function} calling the accessor, generated once (no reflection per read). */
        @SuppressWarnings("unchecked")
        private static Function<Object, Object> getter(MethodHandles.Lookup lookup, MethodHandle accessor)
                throws Throwable {
            MethodType erased = MethodType.methodType(Object.class, Object.class);
            MethodType actual = MethodType.methodType(accessor.type().wrap().returnType(), accessor.type().parameterType(0));
            CallSite site = LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(Function.class),
                    erased, accessor, actual);
            return (Function<Object, Object>) site.getTarget().invokeExact();
        }
    }

    /**
     * A record as templates see it: the default model (see the class comment), with component reads
     * served by the class's {@link Shape}; what a read wraps is kept for the next read of the same name
     * (records are immutable, and the default model's result for a name does not change either).
     */
    static final class RecordModel extends StringModel implements MethodCallAwareTemplateHashModel {
        private final Shape shape;
        private TemplateModel[] read;

        RecordModel(Object record, RecordWrapper wrapper, Shape shape) {
            super(record, wrapper);
            this.shape = shape;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            int i = shape.slot(key);
            if (i < 0) return super.get(key);
            TemplateModel[] read = this.read;
            if (read != null && read[i] != null) return read[i];
            byte checked = shape.checked[i];
            if (checked < 0) return super.get(key);
            if (checked == 0) {
                // Once per component: read it as the default model would; if that is not a plain value
                // (a method, under another member policy), leave this name to the default model.
                TemplateModel viaDefault = super.get(key);
                if (viaDefault instanceof TemplateMethodModel) {
                    shape.checked[i] = -1;
                    return viaDefault;
                }
                shape.checked[i] = 1;
            }
            TemplateModel m = wrapper.getOuterIdentity().wrap(shape.getters[i].apply(object));
            if (m != null) {
                if (read == null) this.read = read = new TemplateModel[shape.getters.length];
                read[i] = m;
            }
            return m;
        }

        /** Public, as in Freemarker's own default model, which is method-call aware the same way. */
        @Override
        public TemplateModel getBeforeMethodCall(String key) throws TemplateModelException, ShouldNotBeGetAsMethodException {
            return super.getBeforeMethodCall(key);
        }
    }
}
