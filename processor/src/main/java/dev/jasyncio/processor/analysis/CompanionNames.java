package dev.jasyncio.processor.analysis;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/** Where the companion of a class lives: {@code Fetcher -> FetcherAsync}, {@code Outer.Inner -> Outer_InnerAsync}. */
public final class CompanionNames {
    private CompanionNames() {}

    public static ClassName companionOf(TypeElement type) {
        StringBuilder name = new StringBuilder(type.getSimpleName());
        Element enclosing = type.getEnclosingElement();
        while (enclosing instanceof TypeElement outer) {
            name.insert(0, outer.getSimpleName() + "_");
            enclosing = outer.getEnclosingElement();
        }
        String pkg = enclosing instanceof PackageElement p ? p.getQualifiedName().toString() : "";
        return ClassName.get(pkg, name + "Async");
    }

    /** The top-level class around a class: its file's class, whose package and assertion status the class shares. */
    public static TypeElement topLevelOf(TypeElement type) {
        TypeElement topLevel = type;
        while (topLevel.getEnclosingElement() instanceof TypeElement outer) {
            topLevel = outer;
        }
        return topLevel;
    }

    /**
     * The class that holds the machines of a class whose companion had to be written before its
     * blueprints were attributed: {@code Fetcher -> FetcherAsyncMachines}.
     */
    public static ClassName machinesOf(TypeElement type) {
        ClassName companion = companionOf(type);
        return ClassName.get(companion.packageName(), companion.simpleName() + "Machines");
    }
}
