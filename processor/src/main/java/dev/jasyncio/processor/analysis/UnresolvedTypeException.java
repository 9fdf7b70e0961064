package dev.jasyncio.processor.analysis;

import javax.lang.model.type.TypeMirror;

/** A type in a blueprint is not resolvable yet; the method is retried in a later round. */
public final class UnresolvedTypeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnresolvedTypeException(TypeMirror type) {
        super("unresolved type " + type, null, false, false);
    }
}
