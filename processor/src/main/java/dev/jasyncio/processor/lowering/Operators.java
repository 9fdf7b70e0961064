package dev.jasyncio.processor.lowering;

import com.palantir.javapoet.TypeName;
import com.sun.source.tree.Tree;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** Java's operators as text, and the implicit narrowing a compound assignment performs. */
final class Operators {
    private Operators() {}

    static String symbol(Tree.Kind kind) {
        return switch (kind) {
            case PLUS, PLUS_ASSIGNMENT, UNARY_PLUS -> "+";
            case MINUS, MINUS_ASSIGNMENT, UNARY_MINUS -> "-";
            case MULTIPLY, MULTIPLY_ASSIGNMENT -> "*";
            case DIVIDE, DIVIDE_ASSIGNMENT -> "/";
            case REMAINDER, REMAINDER_ASSIGNMENT -> "%";
            case LEFT_SHIFT, LEFT_SHIFT_ASSIGNMENT -> "<<";
            case RIGHT_SHIFT, RIGHT_SHIFT_ASSIGNMENT -> ">>";
            case UNSIGNED_RIGHT_SHIFT, UNSIGNED_RIGHT_SHIFT_ASSIGNMENT -> ">>>";
            case AND, AND_ASSIGNMENT -> "&";
            case OR, OR_ASSIGNMENT -> "|";
            case XOR, XOR_ASSIGNMENT -> "^";
            case CONDITIONAL_AND -> "&&";
            case CONDITIONAL_OR -> "||";
            case LESS_THAN -> "<";
            case GREATER_THAN -> ">";
            case LESS_THAN_EQUAL -> "<=";
            case GREATER_THAN_EQUAL -> ">=";
            case EQUAL_TO -> "==";
            case NOT_EQUAL_TO -> "!=";
            case LOGICAL_COMPLEMENT -> "!";
            case BITWISE_COMPLEMENT -> "~";
            case POSTFIX_INCREMENT, PREFIX_INCREMENT -> "++";
            case POSTFIX_DECREMENT, PREFIX_DECREMENT -> "--";
            default -> throw new IllegalArgumentException("not an operator: " + kind);
        };
    }

    /**
     * The cast in {@code v = (T) (old op value)} that stands for {@code v op= value} (JLS 15.26.2),
     * or null where the operation already yields T: javac flags a redundant cast under -Xlint.
     */
    static TypeName compoundCast(Tree.Kind kind, TypeMirror target, TypeMirror source, Types types) {
        TypeKind left = unboxed(target, types);
        TypeKind right = unboxed(source, types);
        if (left == null || left == TypeKind.BOOLEAN) {
            return null;
        }
        TypeKind result;
        switch (kind) {
            case LEFT_SHIFT_ASSIGNMENT, RIGHT_SHIFT_ASSIGNMENT, UNSIGNED_RIGHT_SHIFT_ASSIGNMENT:
                result = promote(left, TypeKind.INT);
                break;
            default:
                if (right == null) {
                    return null;
                }
                result = promote(left, right);
        }
        return result == left ? null : TypeName.get(types.getPrimitiveType(left));
    }

    private static TypeKind unboxed(TypeMirror type, Types types) {
        if (type.getKind().isPrimitive()) {
            return type.getKind();
        }
        try {
            PrimitiveType primitive = types.unboxedType(type);
            return primitive.getKind();
        } catch (IllegalArgumentException notBoxed) {
            return null;
        }
    }

    /** Binary numeric promotion (JLS 5.6). */
    private static TypeKind promote(TypeKind a, TypeKind b) {
        if (a == TypeKind.DOUBLE || b == TypeKind.DOUBLE) {
            return TypeKind.DOUBLE;
        }
        if (a == TypeKind.FLOAT || b == TypeKind.FLOAT) {
            return TypeKind.FLOAT;
        }
        if (a == TypeKind.LONG || b == TypeKind.LONG) {
            return TypeKind.LONG;
        }
        return TypeKind.INT;
    }
}
