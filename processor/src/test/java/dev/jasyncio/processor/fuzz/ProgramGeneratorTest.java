package dev.jasyncio.processor.fuzz;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.jasyncio.processor.fuzz.Tree.Block;
import dev.jasyncio.processor.fuzz.Tree.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every generated program is kept to, whatever its seed. */
class ProgramGeneratorTest {

    @Test
    void theProgramThatRanOutOfMemoryNoLongerDoublesItsStrings() {
        // seed 31001865 appended s to itself in four nested loops: 32 doublings, and the run ran out of memory
        Tree.Program program = new ProgramGenerator(Feature.defaults(), 31001865).generate("P0");

        assertThat(StringGrowth.doublings(program)).isAtMost(12);
    }

    @Test
    void noProgramOfEitherMixDoublesItsStringsMoreThanTheLimit() {
        for (Mix mix : List.of(Mix.FUZZ, Mix.PROJECT)) {
            for (long seed = 31_000_000; seed < 31_000_250; seed++) {
                Tree.Program program = new ProgramGenerator(Feature.defaults(), mix, seed).generate("P0");
                assertWithMessage("seed %s", seed).that(StringGrowth.doublings(program))
                        .isAtMost(12);
            }
        }
    }

    @Test
    void appendsThatReadAStringCountAsOftenAsTheirLoopsRepeatThem() {
        Block body = new Block(List.of(
                Stmt.line("String vt0 = \"x\";"),
                new Stmt(List.of("for (int it1 = 0; it1 < 3; it1++) ", new Block(List.of(
                        new Stmt(List.of("for (int xt2 : arr) ", new Block(List.of(
                                Stmt.line("vt0 += p.s(\"t3\", s);"))))),
                        Stmt.line("s += (\"s\" + 4);"),
                        Stmt.line("s += vt0;"))))),
                new Stmt(List.of("int dt4 = 0;\ndo ", new Block(List.of(Stmt.line("s += s;"))),
                        " while (++dt4 < 2 && true);"))));

        assertThat(StringGrowth.doublings(body)).isEqualTo(3 * 4 + 3 + 2);
    }

    @Test
    void theMostRepeatedAppendsBecomeAssignmentsUntilTheLimitHolds() {
        Block body = new Block(List.of(
                Stmt.line("s += s;"),
                new Stmt(List.of("for (int xt0 : arr) ", new Block(List.of(Stmt.line("s += (s + 1);"))))),
                Stmt.line("s += (\"y\" + s);")));

        Block limited = StringGrowth.limited(body, 2);

        assertThat(StringGrowth.doublings(limited)).isEqualTo(2);
        assertThat(limited).isEqualTo(new Block(List.of(
                Stmt.line("s += s;"),
                new Stmt(List.of("for (int xt0 : arr) ", new Block(List.of(Stmt.line("s = (s + 1);"))))),
                Stmt.line("s += (\"y\" + s);"))));
        assertThat(StringGrowth.limited(limited, 2)).isSameInstanceAs(limited);
    }

    @Test
    void javaSeventeenProgramsUseNoPattern() {
        for (long seed = 0; seed < 100; seed++) {
            String source = new ProgramGenerator(Feature.upTo(17), seed).generate("P0").source();
            assertWithMessage("seed %s", seed).that(source).doesNotContain("instanceof");
            assertWithMessage("seed %s", seed).that(source).doesNotContain("Shape");
        }
    }

    @Test
    void programsWithJava21FeaturesUseEveryPatternForm() {
        StringBuilder all = new StringBuilder();
        for (long seed = 0; seed < 40; seed++) {
            all.append(new ProgramGenerator(Feature.upTo(21), seed).generate("P0").source());
        }

        assertThat(all.toString()).contains(" instanceof Pair(");
        assertThat(all.toString()).contains("if (!(");
        assertThat(all.toString()).contains(" when ");
        assertThat(all.toString()).contains("case null, default");
        assertThat(all.toString()).contains("case Integer ");
    }
}
