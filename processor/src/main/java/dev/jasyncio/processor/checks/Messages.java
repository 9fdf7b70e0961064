package dev.jasyncio.processor.checks;

/**
 * Every diagnostic the processor prints. Each starts with a stable tag and says what to write
 * instead; tests reference these constants so wording changes stay in one place.
 */
public final class Messages {
    public static final String WRONG_RETURN_TYPE =
            "[AsyncReturnType] an @Async method must return Coroutine<T>; declare the return type as"
                    + " Coroutine<%s> and end with 'return done(value);'";
    public static final String ABSTRACT_BLUEPRINT =
            "[AsyncNeedsBody] an @Async method needs a body to compile into a coroutine; remove 'abstract'"
                    + " or '@Async'";
    public static final String NATIVE_BLUEPRINT =
            "[AsyncNeedsBody] a native method cannot be @Async; remove 'native' or '@Async'";
    public static final String NO_COMPANION_HOST =
            "[AsyncHost] an @Async method must be declared in a top-level or member class; move it out of"
                    + " this %s class";
    public static final String PRIVATE_HOST =
            "[AsyncHost] the generated companion %s cannot reach the private class %s; make the class"
                    + " package-private or wider";
    public static final String AUXILIARY_HOST =
            "[AsyncHost] %s is a secondary class of %s, and its companion, generated in a file of its own,"
                    + " could only use it with javac's 'auxiliary class' warning; move %1$s to its own file";
    public static final String BLUEPRINT_OVERRIDES =
            "[AsyncOverride] an @Async method cannot override or implement %s: a call through %s would run"
                    + " the blueprint's body, not its coroutine; remove @Async and return %s(this, ...) from an"
                    + " ordinary method instead";
    public static final String OVERRIDES_BLUEPRINT =
            "[AsyncOverride] %s overrides the @Async method %s, but calls to a blueprint are compiled to its"
                    + " companion and would never reach this override; give the method another name";
    public static final String AWAIT_OUTSIDE_ASYNC =
            "[AwaitOutsideAsync] await(...) only works inside an @Async method; annotate the enclosing"
                    + " method with @Async and make it return Coroutine<T>, or run the awaitable with"
                    + " EventLoop.run(...)";
    public static final String AWAIT_IN_LAMBDA =
            "[AwaitInLambda] await(...) cannot suspend the @Async method from inside a lambda; move the await"
                    + " out of the lambda, or make the lambda's work an @Async method and await that";
    public static final String AWAIT_IN_CLASS =
            "[AwaitInClass] await(...) cannot suspend the @Async method from inside an anonymous or local"
                    + " class; move the await out of the class body";
    public static final String AWAIT_UNSUPPORTED =
            "[AwaitUnsupported] await(...) inside %s is not supported yet; await before it into a local"
                    + " variable and use the local there";
    public static final String AWAIT_IN_SYNCHRONIZED =
            "[AwaitInSynchronized] await(...) cannot suspend while holding a monitor, because other code runs on"
                    + " the thread before the coroutine resumes; move the await out of the synchronized block";
    public static final String NON_DENOTABLE_LOCAL =
            "[NonDenotableLocal] the local '%s' lives across an await, so the coroutine keeps it in a field,"
                    + " but its type (an anonymous or local class, or an intersection) has no name to declare"
                    + " that field with; declare the local with a named type";
    public static final String NON_DENOTABLE_OPERAND =
            "[NonDenotableLocal] this value is computed before an await and kept across it, but its type (an"
                    + " anonymous or local class, or an intersection) has no name to declare it with; assign it"
                    + " to a local of a named type first";
    public static final String LOCAL_CLASS_ACROSS_AWAIT =
            "[LocalClassAcrossAwait] the local class '%s' is used after an await, where the coroutine resumes"
                    + " outside the block that declares it; declare it as a member class of %s instead (a local record,"
                    + " enum or interface may stay where it is, if no other local type of the method has its name)";
    public static final String SUPER_IN_ASYNC =
            "[SuperInAsync] 'super' cannot be used in an @Async method: the coroutine runs outside the"
                    + " class; call an ordinary helper method that uses super instead";
    public static final String INACCESSIBLE_MEMBER =
            "[InaccessibleMember] the generated coroutine cannot reach the %s member '%s'; make it"
                    + " package-private or wider";
    public static final String RECORD_COMPONENT_FIELD =
            "[InaccessibleMember] the generated coroutine cannot read the record's private field '%s'; call"
                    + " its accessor %1$s() instead";
    public static final String CONFLICTING_TYPE_VARIABLE =
            "[TypeVariableClash] the type parameter '%s' hides the class's type parameter of the same name;"
                    + " rename it";
    public static final String UNRESOLVED_TYPES =
            "[UnresolvedType] no coroutines were generated for this class because some types in its @Async"
                    + " methods did not resolve; fix the errors javac reports for them";
    public static final String BLUEPRINT_CALLED_DIRECTLY =
            "[BlueprintCall] %s is a coroutine blueprint: calling it from ordinary code runs no coroutine;"
                    + " call %s instead";
    public static final String NOT_AWAITED =
            "[NotAwaited] %s creates a coroutine that nothing awaits, so it never runs; write await(%1$s) to run"
                    + " it here, or createTask(%1$s) to run it concurrently";
    public static final String NOT_AWAITED_ORDINARY =
            "[NotAwaited] %s creates a coroutine that nothing runs; run it with EventLoop.run(%1$s), or with"
                    + " createTask(%1$s) while a loop is running";
    public static final String NOT_AWAITED_DONE =
            "[NotAwaited] %s only ends the coroutine when it is returned; write 'return %1$s;'";
    public static final String NOT_AWAITED_SLEEP =
            "[NotAwaited] %s waits only when it is awaited; write await(%1$s)";
    public static final String BLOCKING_CALL =
            "[BlockingCall] %s blocks the event loop's thread, and every coroutine of the loop waits with it;"
                    + " %s. If blocking here is deliberate, annotate the method or the local variable with"
                    + " @SuppressWarnings(\"" + Suppressions.BLOCKING + "\")";
    public static final String RECORD_CONSTRUCTOR_REJECTED =
            "[RecordConstructor] javac will reject this canonical constructor of record '%s': the jasyncio"
                    + " processor had to attribute %s for its @Async methods, and javac up to JDK %d at least then"
                    + " keeps a super() call in the constructor (javac bug JDK-8387215); keep record '%1$s' and the"
                    + " @Async methods in different top-level classes, or replace this constructor with a static"
                    + " factory method";
    public static final String NO_TREES =
            "[NoJavacTrees] the jasyncio processor needs javac's com.sun.source API, which this compiler"
                    + " does not provide (%s); compile with javac";
    public static final String WRITE_FAILED =
            "[JasyncioWrite] could not write the companion %s; if another processor generates a class of that"
                    + " name, rename one of them (%s)";
    public static final String INTERNAL_ERROR =
            "[JasyncioInternal] the jasyncio processor failed on this method; please report it with this"
                    + " trace: %s";

    private Messages() {}
}
