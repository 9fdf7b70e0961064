package dev.jasyncio.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.sun.source.util.TreePath;
import dev.jasyncio.processor.analysis.CompanionMentions;
import dev.jasyncio.processor.analysis.CompanionNames;
import dev.jasyncio.processor.analysis.RuntimeApi;
import dev.jasyncio.processor.checks.Messages;
import dev.jasyncio.processor.checks.Reporter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Compiles {@code @Async} blueprints into coroutine state machines.
 *
 * <p>Each round: find the classes with blueprints (plus those deferred by an earlier round) and
 * compile each class's blueprints into its companion ({@link CompanionCompiler}). Misuse outside
 * blueprints is {@link AsyncMisuseProcessor}'s job. A class whose types are not
 * resolvable yet waits for a later round; one that never resolves is reported when processing
 * ends. Nothing escapes {@link #process}: an unexpected failure becomes one error with its trace.
 */
@AutoService(Processor.class)
public final class AsyncProcessor extends TreesProcessor {
    private String treesUnavailable;
    private final Set<String> deferred = new LinkedHashSet<>();
    /**
     * The classes whose companion was written before their blueprints were attributed, with those
     * blueprints: their machines come in a later round ({@link CompanionMentions}).
     */
    private final Map<String, Set<String>> forwarded = new HashMap<>();
    /** By file and position: a class compiled again in a later round must not report them twice ({@link CompanionCompiler}). */
    private final Set<String> reportedRecordConstructors = new HashSet<>();

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
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        treesUnavailable = trees == null ? environment.getClass().getName() : null;
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
            reportFailure(e);
        }
        return true;
    }

    private void processRound(RoundEnvironment round) {
        if (round.processingOver()) {
            for (String name : deferred) {
                TypeElement host = processingEnv.getElementUtils().getTypeElement(name);
                // a note, not an error: an error from a processor stops javac before it reports the
                // unresolved symbols themselves, which is what the user needs to see
                processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, Messages.UNRESOLVED_TYPES, host);
            }
            deferred.clear();
            return;
        }
        Reporter reporter = new Reporter(trees);
        CompanionCompiler compiler = new CompanionCompiler(processingEnv, trees, reporter, getClass().getName(),
                reportedRecordConstructors);
        Set<TypeElement> hosts = new LinkedHashSet<>();
        for (String name : deferred) {
            TypeElement host = processingEnv.getElementUtils().getTypeElement(name);
            if (host != null) {
                hosts.add(host);
            }
        }
        deferred.clear();
        TypeElement async = processingEnv.getElementUtils().getTypeElement(RuntimeApi.ASYNC_ANNOTATION);
        if (async != null) {
            for (Element blueprint : round.getElementsAnnotatedWith(async)) {
                if (blueprint.getEnclosingElement() instanceof TypeElement host) {
                    hosts.add(host);
                }
            }
        }
        Set<String> pending = pendingCompanions(hosts);
        for (TypeElement host : hosts) {
            String name = host.getQualifiedName().toString();
            Set<String> blueprints = forwarded.get(name);
            TreePath path = trees.getPath(host);
            if (blueprints == null && path != null
                    && CompanionMentions.inNestedArguments(path.getCompilationUnit(), pending)) {
                blueprints = compiler.writeForwarding(host);
                if (blueprints != null) {
                    forwarded.put(name, blueprints);
                }
                deferred.add(name);
            } else if (!compiler.compile(host, blueprints)) {
                deferred.add(name);
            }
        }
    }

    /** The simple names of the companions of these classes that do not exist yet. */
    private Set<String> pendingCompanions(Set<TypeElement> hosts) {
        Set<String> pending = new HashSet<>();
        for (TypeElement host : hosts) {
            ClassName companion = CompanionNames.companionOf(host);
            if (!forwarded.containsKey(host.getQualifiedName().toString())
                    && processingEnv.getElementUtils().getTypeElement(companion.canonicalName()) == null) {
                pending.add(companion.simpleName());
            }
        }
        return pending;
    }
}
