package dev.jasyncio.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import dev.jasyncio.processor.lowering.LineMarks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the line marks out of a rendered companion: the text without them, and for each machine
 * where its generated lines come from in the blueprint. The lowering marks statements
 * ({@link LineMarks}); {@link MachineWriter} marks where each machine's {@code step()} and each of
 * its states begin and where the mapped code ends.
 *
 * <p>The tables are strings that {@code dev.jasyncio.tasks.BlueprintTraces} reads:
 * <ul>
 *   <li>step lines: runs separated by spaces; {@code g=b} maps generated line g and the lines after it
 *       to blueprint line b, {@code g=b+} maps them to b, b+1, ..., and {@code g=-} to nothing, each
 *       up to the next run;</li>
 *   <li>resume lines: {@code label=b} for each state whose blueprint line is known.</li>
 * </ul>
 */
final class LineTable {
    private static final char MACHINE = 'M';
    private static final char STATE = 'S';
    private static final char END = 'E';

    /** The lines of one machine. */
    static final class Machine {
        private final StringBuilder steps = new StringBuilder();
        private final Map<Integer, Long> resumes = new LinkedHashMap<>();
        private int lastRunStart = -1;
        private int lastRunOffset;

        private void run(int generatedLine, String target) {
            if (generatedLine == lastRunStart) {
                // two marks before one code line: the later, more specific one wins
                steps.setLength(lastRunOffset);
            } else if (!steps.isEmpty()) {
                steps.append(' ');
            }
            lastRunStart = generatedLine;
            lastRunOffset = steps.length();
            steps.append(generatedLine).append('=').append(target);
        }

        String stepLines() {
            return steps.toString();
        }

        String resumeLines() {
            List<String> entries = new ArrayList<>();
            resumes.forEach((label, line) -> entries.add(label + "=" + line));
            return String.join(" ", entries);
        }
    }

    private final String text;
    private final List<Machine> machines = new ArrayList<>();

    private LineTable(String text) {
        this.text = text;
    }

    /** The mark that begins the {@code step()} of the {@code index}-th machine of the companion. */
    static CodeBlock machineMark(int index) {
        return mark(MACHINE, Integer.toString(index));
    }

    /** The mark that begins a state; the first line mark after it is the state's blueprint line. */
    static CodeBlock stateMark(int label) {
        return mark(STATE, Integer.toString(label));
    }

    /** The mark after which a machine's lines come from nowhere in the blueprint. */
    static CodeBlock endMark() {
        return mark(END, "");
    }

    private static CodeBlock mark(char kind, String argument) {
        return CodeBlock.of("$L", String.valueOf(LineMarks.MARK) + kind + argument + "\n");
    }

    /** Reads and removes every mark of a rendered companion. */
    static LineTable read(String rendered) {
        StringBuilder out = new StringBuilder(rendered.length());
        List<Machine> machines = new ArrayList<>();
        Machine machine = null;
        int pendingState = -1;
        int line = 0;
        int lineStart = 0;
        while (lineStart <= rendered.length()) {
            int lineEnd = rendered.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = rendered.length();
            }
            int markAt = markAt(rendered, lineStart, lineEnd);
            int next = lineEnd + 1;
            if (markAt < 0) {
                if (line > 0) {
                    out.append('\n');
                }
                out.append(rendered, lineStart, lineEnd);
                line++;
                lineStart = next;
                continue;
            }
            lineStart = next;
            char kind = rendered.charAt(markAt + 1);
            String argument = rendered.substring(markAt + 2, lineEnd);
            if (kind == MACHINE) {
                machine = new Machine();
                machines.add(machine);
                pendingState = -1;
            } else if (machine == null) {
                continue;
            } else if (kind == STATE) {
                pendingState = Integer.parseInt(argument);
            } else if (kind == END) {
                machine.run(line + 1, "-");
            } else if (kind == LineMarks.AT || kind == LineMarks.COPIED) {
                long blueprintLine = Long.parseLong(argument);
                machine.run(line + 1, blueprintLine + (kind == LineMarks.COPIED ? "+" : ""));
                if (pendingState >= 0) {
                    machine.resumes.put(pendingState, blueprintLine);
                    pendingState = -1;
                }
            }
        }
        LineTable table = new LineTable(out.toString());
        table.machines.addAll(machines);
        return table;
    }

    /**
     * Where the mark of a line is, or -1 if the line is not a mark: indentation, the mark character,
     * a capital letter that says the kind, and digits.
     */
    private static int markAt(String text, int from, int to) {
        int at = from;
        while (at < to && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
        if (to - at < 2 || text.charAt(at) != LineMarks.MARK || text.charAt(at + 1) < 'A' || text.charAt(at + 1) > 'Z') {
            return -1;
        }
        for (int digit = at + 2; digit < to; digit++) {
            if (text.charAt(digit) < '0' || text.charAt(digit) > '9') {
                return -1;
            }
        }
        return at;
    }

    /** The companion's text without marks. */
    String text() {
        return text;
    }

    /** The machines in the order of their marks, which is the order of the companion's machines. */
    List<Machine> machines() {
        return machines;
    }
}
