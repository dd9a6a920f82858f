package io.github.dockerfiledsl.codegen;

import io.github.dockerfiledsl.testjavac.InMemoryJavac;
import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import org.junit.jupiter.api.Test;

class JavaLiteralsTest {
  private static final List<String> VALUES = List.of(
      "plain",
      "one line\n",
      "two\nlines\n",
      "no final line break\nsecond",
      "\n\nleading empty lines\n",
      "trailing blanks   \n   \n\t\n",
      "\ttabs\tinside\n",
      "quotes \" \"\" \"\"\" \"\"\"\" and \"\"\"\"\"\"\n\"\"\"\n",
      "backslashes \\ \\\\ \\n \\u0041 \\\\u0041 and at the end \\\n\\",
      "control \u0001\u001b\u007f\u0085 chars\n",
      "unicode é ü 中文 \u2028 emoji \uD83D\uDE00\n",
      "  leading blanks\n    more\nnone\n",
      "$HOME ${X:-y} `cmd`\n");

  @Test
  void everyLiteralCompilesBackToItsValue() throws Exception {
    CodeBlock array = VALUES.stream().map(JavaLiterals::string)
        .collect(CodeBlock.joining(",\n", "new String[] {\n", "}"));
    TypeSpec type = TypeSpec.classBuilder("Values")
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addMethod(MethodSpec.methodBuilder("values")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(ArrayTypeName.of(String.class))
            .addStatement("return $L", array)
            .build())
        .build();
    String source = JavaFile.builder("lit", type).indent("  ").build().toString();
    InMemoryJavac.Result result = InMemoryJavac.compile(Map.of("lit.Values", source));
    assertThat(result.success()).as("%s%n%s", result.report(), source).isTrue();
    String[] compiled = (String[]) result.load("lit.Values").getMethod("values").invoke(null);
    assertThat(compiled).containsExactlyElementsOf(VALUES);
  }

  @Test
  void multiLineValuesBecomeTextBlocks() {
    assertThat(JavaLiterals.string("a\nb\n").toString()).startsWith("\"\"\"\n").contains("a\n", "b\n");
    assertThat(JavaLiterals.string("a \"b\"").toString()).isEqualTo("\"a \\\"b\\\"\"");
  }

  @Test
  void textBlocksEscapeWhatTheCompilerWouldChange() {
    assertThat(JavaLiterals.textBlock("x  \n\ty\n\"\"\"\n"))
        .isEqualTo("\"\"\"\nx \\s\n\\ty\n\"\"\\\"\n\"\"\"");
    assertThat(JavaLiterals.textBlock("end")).isEqualTo("\"\"\"\nend\\\n\"\"\"");
  }
}
