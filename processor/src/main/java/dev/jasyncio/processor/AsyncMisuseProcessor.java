package dev.jasyncio.processor;

import com.google.auto.service.AutoService;
import dev.jasyncio.processor.analysis.RuntimeApi;
import dev.jasyncio.processor.checks.BlueprintOverrideChecker;
import dev.jasyncio.processor.checks.DeferredCalls;
import dev.jasyncio.processor.checks.NotAwaitedChecker;
import dev.jasyncio.processor.checks.RecordConstructorHazard;
import dev.jasyncio.processor.checks.Reporter;
import dev.jasyncio.processor.checks.StrayAwaitScanner;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Reports what only works inside a blueprint when it appears elsewhere: {@code await(...)} in
 * ordinary code, a direct call of a blueprint, {@code @Async} in a local or anonymous class, an
 * ordinary method overriding a blueprint; and a companion call whose coroutine is dropped.
 *
 * <p>It is a processor of its own because it must see every compilation, including those with no
 * {@code @Async} at all, which only a processor for {@code "*"} is given. It claims nothing, so
 * other processors still see every annotation. javac stops offering a round to further processors
 * once every annotation in it is claimed, and {@link AsyncProcessor} claims {@code @Async}: so this
 * processor must come first in {@code META-INF/services}, which AutoService writes in name order
 * ({@code AsyncMisuseProcessor} sorts before {@code AsyncProcessor}).
 */
@AutoService(Processor.class)
public final class AsyncMisuseProcessor extends TreesProcessor {
    private final DeferredCalls deferred = new DeferredCalls();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (trees == null) {
            return false;
        }
        try {
            Reporter reporter = new Reporter(trees);
            NotAwaitedChecker notAwaited = new NotAwaitedChecker(trees, reporter, processingEnv.getElementUtils(),
                    processingEnv.getTypeUtils());
            deferred.recheck(trees, processingEnv.getElementUtils(), notAwaited, round.processingOver());
            if (round.processingOver()) {
                return false;
            }
            Set<String> blueprintNames = new LinkedHashSet<>();
            TypeElement async = processingEnv.getElementUtils().getTypeElement(RuntimeApi.ASYNC_ANNOTATION);
            if (async != null) {
                for (Element blueprint : round.getElementsAnnotatedWith(async)) {
                    blueprintNames.add(blueprint.getSimpleName().toString());
                }
            }
            new StrayAwaitScanner(trees, reporter, notAwaited, deferred).scan(round, blueprintNames,
                    new RecordConstructorHazard(trees, SourceVersion.latest()));
            new BlueprintOverrideChecker(trees, reporter, processingEnv.getElementUtils(), processingEnv.getTypeUtils())
                    .check(round);
        } catch (RuntimeException | LinkageError e) {
            reportFailure(e);
        }
        return false;
    }
}
