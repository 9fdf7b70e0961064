package dev.jasyncio.processor.lowering;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.jasyncio.processor.analysis.RuntimeApi;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * The enclosing instances of a blueprint's {@code this} ({@code Outer.this}), which the machine
 * reads because it runs outside the inner class.
 *
 * <p>Per enclosing level the blueprint uses, the machine gets a static final {@code MethodHandle}
 * that reads the field in which javac keeps the inner object's enclosing instance (found once by
 * the runtime's {@code EnclosingInstances}), and a private method that applies it to the level
 * below: {@code enclosingOuter()} reads the field of {@code enclosingMid()}, which reads the field
 * of {@code self}. So the instance is always the inner object's own, never one a caller supplies,
 * and it is read at each use, as the blueprint reads {@code Outer.this}.
 */
final class OuterInstances {
    private final LoweringContext context;
    private final Map<TypeElement, String> accessors = new HashMap<>();

    OuterInstances(LoweringContext context) {
        this.context = context;
    }

    /**
     * The code that evaluates to the instance of {@code type} that is the blueprint's {@code this}
     * or one of its enclosing instances.
     */
    CodeBlock of(TypeElement type) {
        if (type.equals(context.host)) {
            return CodeBlock.of("$L", context.selfName);
        }
        String accessor = accessors.get(type);
        if (accessor == null) {
            // not computeIfAbsent: the accessor of a deeper level adds those of the levels below it first
            accessor = addAccessor(type);
            accessors.put(type, accessor);
        }
        return CodeBlock.of("$L()", accessor);
    }

    private String addAccessor(TypeElement outer) {
        TypeElement inner = context.host;
        while (!inner.getEnclosingElement().equals(outer)) {
            inner = (TypeElement) inner.getEnclosingElement();
        }
        CodeBlock innerObject = of(inner);
        String simpleName = outer.getSimpleName().toString();
        String handle = context.names.fresh("ENCLOSING_" + simpleName.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toUpperCase(Locale.ROOT));
        String accessor = context.names.fresh("enclosing" + simpleName);
        ClassName innerClass = ClassName.get(inner);
        ClassName outerClass = ClassName.get(outer);
        context.fields.add(FieldSpec.builder(MethodHandle.class, handle, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.getter($T.lookup(), $T.class, $T.class)", RuntimeApi.ENCLOSING_INSTANCES,
                        MethodHandles.class, innerClass, outerClass)
                .build());
        TypeMirror outerType = outer.asType();
        TypeName projected = context.projector.project(outerType);
        boolean generic = !context.types.isSameType(context.types.erasure(outerType), outerType);
        MethodSpec.Builder method = MethodSpec.methodBuilder(accessor)
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc("The {@code $L} instance that encloses {@code $L}: javac's field in {@code $L}.\n",
                        simpleName, innerObject, inner.getSimpleName())
                .returns(projected)
                .beginControlFlow("try");
        if (generic) {
            // the handle's type is erased: the cast from the class to its parameterized type is unchecked
            method.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                            .addMember("value", "{$S, $S}", "rawtypes", "unchecked").build())
                    .addStatement("return ($T) ($T) $L.invokeExact($L)", projected, outerClass, handle, innerObject);
        } else {
            method.addStatement("return ($T) $L.invokeExact($L)", outerClass, handle, innerObject);
        }
        context.helpers.add(method
                .nextControlFlow("catch ($T | $T e)", RuntimeException.class, Error.class)
                .addStatement("throw e")
                .nextControlFlow("catch ($T e)", Throwable.class)
                // a field getter throws nothing checked; invokeExact is declared to throw anything
                .addStatement("throw new $T(e)", UndeclaredThrowableException.class)
                .endControlFlow()
                .build());
        return accessor;
    }
}
