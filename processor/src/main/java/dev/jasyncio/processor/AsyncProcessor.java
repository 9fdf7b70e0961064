package dev.jasyncio.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.Trees;
import dev.jasyncio.processor.analysis.RuntimeApi;
import dev.jasyncio.processor.checks.Messages;
import dev.jasyncio.processor.checks.Reporter;
import dev.jasyncio.processor.checks.StrayAwaitScanner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Compiles {@code @Async} blueprints into coroutine state machines.
 *
 * <p>Each round: find the classes with blueprints (plus those deferred by an earlier round),
 * compile each class's blueprints into its companion ({@link CompanionCompiler}), and look in the
 * round's sources for awaits and blueprint calls in ordinary code. A class whose types are not
 * resolvable yet waits for a later round; one that never resolves is reported when processing
 * ends. Nothing escapes {@link #process}: an unexpected failure becomes one error with its trace.
 */
@AutoService(Processor.class)
public final class AsyncProcessor extends AbstractProcessor {
    private Trees trees;
    private String treesUnavailable;
    private final Set<String> deferred = new LinkedHashSet<>();

    /**
     * {@code @Async}, and {@code @Generated}: the round that compiles our companions sees only
     * that annotation, and if nobody claims it javac warns under {@code -Xlint:all} ("No processor
     * claimed any of these annotations"), which fails {@code -Werror} builds of our users.
     */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(RuntimeApi.ASYNC_ANNOTATION, "javax.annotation.processing.Generated");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        trees = javacTrees(environment);
    }

    /**
     * javac's tree API. Some build tools hand processors a proxy around javac's environment; the
     * proxy's handler usually keeps the original in a field, which is tried before giving up.
     */
    private Trees javacTrees(ProcessingEnvironment environment) {
        try {
            return Trees.instance(environment);
        } catch (IllegalArgumentException | LinkageError notJavac) {
            if (Proxy.isProxyClass(environment.getClass())) {
                Object handler = Proxy.getInvocationHandler(environment);
                for (java.lang.reflect.Field field : handler.getClass().getDeclaredFields()) {
                    try {
                        field.setAccessible(true);
                        if (field.get(handler) instanceof ProcessingEnvironment wrapped) {
                            return Trees.instance(wrapped);
                        }
                    } catch (ReflectiveOperationException | RuntimeException ignored) {
                        // this field is not the wrapped environment; try the next one
                    }
                }
            }
            treesUnavailable = environment.getClass().getName();
            return null;
        }
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        try {
            if (trees == null) {
                if (!annotations.isEmpty() && treesUnavailable != null) {
                    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                            String.format(Messages.NO_TREES, treesUnavailable));
                    treesUnavailable = null;
                }
                return true;
            }
            processRound(round);
        } catch (RuntimeException | LinkageError e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, String.format(Messages.INTERNAL_ERROR, trace));
        }
        return true;
    }

    private void processRound(RoundEnvironment round) {
        if (round.processingOver()) {
            for (String name : deferred) {
                TypeElement host = processingEnv.getElementUtils().getTypeElement(name);
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Messages.UNRESOLVED_TYPES, host);
            }
            deferred.clear();
            return;
        }
        Reporter reporter = new Reporter(trees);
        CompanionCompiler compiler = new CompanionCompiler(processingEnv, trees, reporter, getClass().getName());
        Set<TypeElement> hosts = new LinkedHashSet<>();
        for (String name : deferred) {
            TypeElement host = processingEnv.getElementUtils().getTypeElement(name);
            if (host != null) {
                hosts.add(host);
            }
        }
        deferred.clear();
        Set<String> blueprintNames = new LinkedHashSet<>();
        TypeElement async = processingEnv.getElementUtils().getTypeElement(RuntimeApi.ASYNC_ANNOTATION);
        if (async != null) {
            for (Element blueprint : round.getElementsAnnotatedWith(async)) {
                blueprintNames.add(blueprint.getSimpleName().toString());
                if (blueprint.getEnclosingElement() instanceof TypeElement host) {
                    hosts.add(host);
                }
            }
        }
        for (TypeElement host : hosts) {
            if (!compiler.compile(host)) {
                deferred.add(host.getQualifiedName().toString());
            }
        }
        new StrayAwaitScanner(trees, reporter).scan(round, blueprintNames);
    }
}
