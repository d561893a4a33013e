package io.github.pcqualification.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The README's "Embedding" and "Swapping in the fake" show what the consumer proof (src/it/embedding-consumer)
 * compiles and runs: each whole Java example is one of its source files byte for byte, each snippet sits in one
 * of its sources, the seed file is its seed resource, and it depends on exactly the artifacts listed there.
 * Runs before the consumer is built, so a drift fails in seconds and says which side to copy.
 */
class ReadmeMatchesConsumerTest {

    private static final List<String> SECTIONS = List.of("Embedding", "Swapping in the fake");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern TYPE = Pattern.compile("^(?:public )?(?:final )?(?:class|interface|enum|record) (\\w+)",
            Pattern.MULTILINE);
    /** Surefire's default includes. */
    private static final Pattern SUREFIRE_DEFAULT = Pattern.compile("Test\\w*|\\w*Test|\\w*Tests|\\w*TestCase");
    /** The platform's own choice besides what the README lists (versions from Spring Boot's BOM). */
    private static final Set<String> CONSUMER_OWN = Set.of("ch.qos.logback:logback-classic:jar:compile:managed");

    private static Path consumer;
    private static String projectVersion;
    private static List<Block> blocks;

    /** A fenced code block of one of the two sections, without its fences, each line ending in a newline. */
    record Block(String section, String language, String text, int line) {
        boolean isWholeJavaFile() {
            return language.equals("java") && text.startsWith("package ");
        }

        String where() {
            return "README.md line " + line + " (section \"" + section + "\")";
        }
    }

    @BeforeAll
    static void readTheReadme() throws IOException {
        consumer = Path.of(System.getProperty("consumer", "src/it/embedding-consumer"));
        projectVersion = System.getProperty("projectVersion");
        blocks = blocks(Files.readAllLines(Path.of(System.getProperty("readme", "../../README.md")),
                StandardCharsets.UTF_8));
    }

    private static List<Block> blocks(List<String> readme) {
        List<Block> found = new ArrayList<>();
        String section = null;
        for (int i = 0; i < readme.size(); i++) {
            String line = readme.get(i);
            if (line.startsWith("## ")) {
                section = line.substring(3).trim();
            } else if (line.startsWith("```") && SECTIONS.contains(section)) {
                StringBuilder text = new StringBuilder();
                int start = i;
                for (i++; !readme.get(i).startsWith("```"); i++) {
                    text.append(readme.get(i)).append('\n');
                }
                found.add(new Block(section, line.substring(3).trim(), text.toString(), start + 1));
            }
        }
        return found;
    }

    private static List<Block> blocks(String section, String language) {
        return blocks.stream().filter(b -> b.section().equals(section) && b.language().equals(language)).toList();
    }

    @Test
    void bothSectionsShowAWholeJavaExampleAndTheirDependencies() {
        for (String section : SECTIONS) {
            assertThat(blocks(section, "java")).as("whole Java examples in \"%s\"", section)
                    .anyMatch(Block::isWholeJavaFile);
            assertThat(blocks(section, "xml")).as("dependencies listed in \"%s\"", section).isNotEmpty();
        }
    }

    @Test
    void everyWholeJavaExample_isAConsumerSourceFile_byteForByte() throws IOException {
        for (Block block : blocks) {
            if (!block.isWholeJavaFile()) {
                continue;
            }
            Path file = sourceFileOf(block);
            String source = Files.readString(file, StandardCharsets.UTF_8);

            assertThat(source).as("%s must be byte for byte the example at %s (%s); copy one onto the other",
                    consumer.relativize(file), block.where(), firstDifference(block.text(), source))
                    .isEqualTo(block.text());
        }
    }

    @Test
    void theJUnitExamples_areNamedSoSurefireRunsThemByDefault() throws IOException {
        for (Block block : blocks) {
            if (block.isWholeJavaFile() && sourceFileOf(block).startsWith(consumer.resolve("src/test/java"))) {
                assertThat(typeName(block)).as("the test class at %s", block.where()).matches(SUREFIRE_DEFAULT);
            }
        }
    }

    @Test
    void everyJavaSnippet_appearsInAConsumerSource() throws IOException {
        List<List<String>> sources;
        try (Stream<Path> files = Files.walk(consumer.resolve("src"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(ReadmeMatchesConsumerTest::lines).toList();
        }
        for (Block block : blocks) {
            if (block.language().equals("java") && !block.isWholeJavaFile()) {
                List<String> snippet = dedent(block.text().lines().toList());

                assertThat(sources).as("a consumer source holding the snippet at %s (indentation aside)", block.where())
                        .anyMatch(source -> contains(source, snippet));
            }
        }
    }

    @Test
    void theSeedFileExample_isTheConsumersSeedResource() throws IOException {
        List<Block> json = blocks("Swapping in the fake", "json");

        assertThat(json).as("the seed file example").hasSize(1);
        assertThat(Files.readString(consumer.resolve("src/test/resources/my-seed.json"), StandardCharsets.UTF_8))
                .as("src/test/resources/my-seed.json must be the seed file at %s", json.get(0).where())
                .isEqualTo(json.get(0).text());
    }

    @Test
    void theConsumerDependsOnExactlyWhatTheReadmeLists_andOnLogback() throws Exception {
        Set<String> listed = new LinkedHashSet<>();
        for (Block block : blocks) {
            if (block.language().equals("xml")) {
                listed.addAll(dependencies(parse("<dependencies>" + block.text() + "</dependencies>"),
                        "README " + block.where()));
            }
        }
        Element pom = parse(Files.readString(consumer.resolve("pom.xml"), StandardCharsets.UTF_8));
        Element declared = child(pom, "dependencies").orElseThrow();

        Set<String> consumerDependencies = dependencies(declared, "the consumer's pom.xml");
        Set<String> expected = new LinkedHashSet<>(listed);
        expected.addAll(CONSUMER_OWN);

        assertThat(consumerDependencies).as("the consumer's dependencies: the README's, and its own logback")
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theConsumerImportsSpringBoot35sBom_withoutBootsParentOrPlugin() throws Exception {
        String text = Files.readString(consumer.resolve("pom.xml"), StandardCharsets.UTF_8);
        Element pom = parse(text);
        Element management = child(child(pom, "dependencyManagement").orElseThrow(), "dependencies").orElseThrow();

        assertThat(child(pom, "parent")).isEmpty();
        assertThat(text).doesNotContain("spring-boot-maven-plugin", "spring-boot-starter-parent");
        assertThat(dependencies(management, "the consumer's dependencyManagement"))
                .containsExactly("org.springframework.boot:spring-boot-dependencies:pom:import:3.5.7");
    }

    // ---------------------------------------------------------------- helpers

    private static Path sourceFileOf(Block block) {
        Matcher pkg = PACKAGE.matcher(block.text());
        assertThat(pkg.find()).as("a package line at %s", block.where()).isTrue();
        String relative = pkg.group(1).replace('.', '/') + "/" + typeName(block) + ".java";
        List<Path> candidates = Stream.of("src/main/java", "src/test/java")
                .map(root -> consumer.resolve(root).resolve(relative)).filter(Files::isRegularFile).toList();
        assertThat(candidates).as("the consumer's copy of the example at %s (%s under src/main/java or src/test/java)",
                block.where(), relative).hasSize(1);
        return candidates.get(0);
    }

    private static String firstDifference(String readme, String source) {
        List<String> a = readme.lines().toList();
        List<String> b = source.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String inReadme = i < a.size() ? a.get(i) : "(nothing)";
            String inSource = i < b.size() ? b.get(i) : "(nothing)";
            if (!inReadme.equals(inSource)) {
                return "first difference on the example's line " + (i + 1) + ": README \"" + inReadme + "\", file \""
                        + inSource + "\"";
            }
        }
        return "they differ in line endings or the final newline";
    }

    private static String typeName(Block block) {
        Matcher type = TYPE.matcher(block.text());
        assertThat(type.find()).as("a top-level type at %s", block.where()).isTrue();
        return type.group(1);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static boolean contains(List<String> source, List<String> snippet) {
        for (int i = 0; i + snippet.size() <= source.size(); i++) {
            if (dedent(source.subList(i, i + snippet.size())).equals(snippet)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
    }

    private static Element parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml))).getDocumentElement();
    }

    private static Optional<Element> child(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static String text(Element parent, String name, String otherwise) {
        return child(parent, name).map(Node::getTextContent).map(String::trim).orElse(otherwise);
    }

    /**
     * groupId:artifactId:type:scope:version of each dependency; the consumer's @project.version@ is the version
     * being built, so the README's must be that too.
     */
    private static Set<String> dependencies(Element dependencies, String where) {
        List<String> found = new ArrayList<>();
        NodeList children = dependencies.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element d && d.getTagName().equals("dependency")) {
                String version = text(d, "version", "managed").replace("@project.version@", projectVersion);
                found.add(String.join(":", text(d, "groupId", "?"), text(d, "artifactId", "?"), text(d, "type", "jar"),
                        text(d, "scope", "compile"), version));
            }
        }
        Set<String> unique = new LinkedHashSet<>(found);
        assertThat(found).as("dependencies in %s", where).hasSameSizeAs(unique);
        return unique;
    }
}
