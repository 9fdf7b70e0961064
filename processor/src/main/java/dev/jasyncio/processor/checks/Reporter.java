package dev.jasyncio.processor.checks;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.tools.Diagnostic;

/** Prints errors and warnings at the exact source position of a tree. */
public final class Reporter {
    private final Trees trees;

    public Reporter(Trees trees) {
        this.trees = trees;
    }

    public void error(String message, Tree tree, CompilationUnitTree unit) {
        trees.printMessage(Diagnostic.Kind.ERROR, message, tree, unit);
    }

    public void error(String message, TreePath path) {
        error(message, path.getLeaf(), path.getCompilationUnit());
    }

    public void warning(String message, TreePath path) {
        trees.printMessage(Diagnostic.Kind.WARNING, message, path.getLeaf(), path.getCompilationUnit());
    }
}
