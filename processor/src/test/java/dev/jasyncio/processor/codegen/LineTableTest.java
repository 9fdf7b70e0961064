package dev.jasyncio.processor.codegen;

import static com.google.common.truth.Truth.assertThat;

import com.palantir.javapoet.CodeBlock;
import dev.jasyncio.processor.lowering.LineMarks;
import org.junit.jupiter.api.Test;

/** The marks of a rendered companion become its line table, and vanish from its text. */
class LineTableTest {

    private static String mark(CodeBlock mark) {
        return "        " + mark.toString().strip();
    }

    @Test
    void marksBecomeRunsAndResumeLinesAndLeaveNoTrace() {
        String rendered = String.join("\n",
                "class A {",                                   // 1
                mark(LineTable.machineMark(0)),
                "  step() {",                                  // 2
                "    case 0: {",                               // 3
                mark(LineTable.stateMark(0)),
                mark(LineMarks.at(11)),
                mark(LineMarks.at(13)),
                "      body = x;",                             // 4: the later of two marks wins
                mark(LineMarks.copiedFrom(14)),
                "      if (a) {",                              // 5
                "        b();",                                // 6
                "      }",                                     // 7
                "    case 1: {",                               // 8
                mark(LineTable.stateMark(1)),
                mark(LineMarks.at(20)),
                "      resume();",                             // 9
                mark(LineTable.endMark()),
                "    default:",                                // 10
                "  }",                                         // 11
                mark(LineTable.machineMark(1)),
                "  step() {",                                  // 12
                "    case 0: {",                               // 13
                mark(LineTable.stateMark(0)),
                mark(LineMarks.at(30)),
                "      other();",                              // 14
                mark(LineTable.endMark()),
                "}",                                           // 15
                "");
        LineTable table = LineTable.read(rendered);
        assertThat(table.text()).doesNotContain(String.valueOf(LineMarks.MARK));
        assertThat(table.text().split("\n", -1)[3]).isEqualTo("      body = x;");
        assertThat(table.text().split("\n", -1)[13]).isEqualTo("      other();");
        assertThat(table.text()).endsWith("}\n");
        assertThat(table.machines()).hasSize(2);
        assertThat(table.machines().get(0).stepLines()).isEqualTo("4=13 5=14+ 9=20 10=-");
        assertThat(table.machines().get(0).resumeLines()).isEqualTo("0=11 1=20");
        assertThat(table.machines().get(1).stepLines()).isEqualTo("14=30 15=-");
        assertThat(table.machines().get(1).resumeLines()).isEqualTo("0=30");
    }

    @Test
    void aLineThatOnlyLooksLikeAMarkInTheMiddleOfCodeIsKept() {
        String line = "    String s = \"" + LineMarks.MARK + "L12\";";
        assertThat(LineTable.read(line).text()).isEqualTo(line);
    }
}
