package dev.jasyncio.processor.analysis;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.List;

/**
 * The direct children of a tree as the running javac's {@link TreeScanner} visits them, which
 * includes the parts of newer tree kinds that the Java 17 API does not name.
 */
public final class TreeChildren {
    private TreeChildren() {}

    public static List<Tree> of(Tree tree) {
        List<Tree> children = new ArrayList<>();
        tree.accept(new TreeScanner<Void, Void>() {
            @Override
            public Void scan(Tree node, Void unused) {
                if (node != null) {
                    children.add(node);
                }
                return null;
            }
        }, null);
        return children;
    }
}
