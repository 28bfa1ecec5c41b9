#include "report/text.h"

#include <gtest/gtest.h>

#include <string>

namespace centinela::report {
namespace {

TEST(DecodeUtf8, AcceptsWellFormedSequences) {
  size_t length = 0;
  EXPECT_EQ(DecodeUtf8("A", &length), 'A');
  EXPECT_EQ(length, 1u);
  EXPECT_EQ(DecodeUtf8("\xC3\xB1", &length), 0xF1);  // ñ
  EXPECT_EQ(length, 2u);
  EXPECT_EQ(DecodeUtf8("\xE2\x82\xAC", &length), 0x20AC);  // €
  EXPECT_EQ(length, 3u);
  EXPECT_EQ(DecodeUtf8("\xF0\x9F\x94\x92", &length), 0x1F512);
  EXPECT_EQ(length, 4u);
  EXPECT_EQ(DecodeUtf8("\xF4\x8F\xBF\xBF", &length), 0x10FFFF);
  EXPECT_EQ(length, 4u);
}

TEST(DecodeUtf8, RejectsIllFormedSequencesOneByteAtATime) {
  for (std::string bad :
       {"\x80", "\xBF", "\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xED\xA0\x80", "\xF0\x80\x80\x80",
        "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF", "\xC3", "\xE2\x82", "\xC3\x41"}) {
    size_t length = 7;
    EXPECT_EQ(DecodeUtf8(bad, &length), -1) << ::testing::PrintToString(bad);
    EXPECT_EQ(length, 1u) << ::testing::PrintToString(bad);
  }
}

TEST(SanitizeForTerminal, KeepsPrintableTextAndUtf8) {
  EXPECT_EQ(SanitizeForTerminal("plain \"text\" <ok> & more"), "plain \"text\" <ok> & more");
  EXPECT_EQ(SanitizeForTerminal("contraseña €"), "contraseña €");
}

TEST(SanitizeForTerminal, EscapesControlsBidiAndBadBytes) {
  EXPECT_EQ(SanitizeForTerminal("a\nb\tc\rd"), "a\\nb\\tc\\rd");
  EXPECT_EQ(SanitizeForTerminal("\x1b]0;pwned\x07"), "\\x1b]0;pwned\\x07");
  EXPECT_EQ(SanitizeForTerminal(std::string("x\0y", 3)), "x\\x00y");
  EXPECT_EQ(SanitizeForTerminal("\x7f"), "\\x7f");
  EXPECT_EQ(SanitizeForTerminal("\xC2\x9B"
                                "31m"),
            "\\u009b31m");  // C1 CSI
  EXPECT_EQ(SanitizeForTerminal("user\xE2\x80\xAEtxt.exe"),
            "user\\u202etxt.exe");  // RIGHT-TO-LEFT OVERRIDE
  EXPECT_EQ(SanitizeForTerminal("bad\xFF\xC3"), "bad\\xff\\xc3");
}

TEST(SanitizeForTerminal, KeepsTabsWhenAsked) {
  EXPECT_EQ(SanitizeForTerminal("\tx: \x1b", /*keep_tabs=*/true), "\tx: \\x1b");
}

TEST(XmlEscape, EscapesMarkupInTextAndAttributes) {
  EXPECT_EQ(XmlEscapeText("a < b && c > \"d\" 'e'"), "a &lt; b &amp;&amp; c &gt; \"d\" 'e'");
  EXPECT_EQ(XmlEscapeAttribute("a < b && c > \"d\" 'e'"),
            "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &apos;e&apos;");
  EXPECT_EQ(XmlEscapeText("]]>"), "]]&gt;");
}

TEST(XmlEscape, KeepsWhiteSpaceMeaningful) {
  EXPECT_EQ(XmlEscapeText("l1\nl2\tx\r"), "l1\nl2\tx&#13;");
  EXPECT_EQ(XmlEscapeAttribute("l1\nl2\tx\r"), "l1&#10;l2&#9;x&#13;");
}

TEST(XmlEscape, ReplacesCharactersXml10Forbids) {
  EXPECT_EQ(XmlEscapeText(std::string("a\0b\x01"
                                      "c\x1b",
                                      6)),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD"
            "c\xEF\xBF\xBD");
  EXPECT_EQ(XmlEscapeAttribute("\x0b\x0c"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(XmlEscapeText("\xEF\xBF\xBE\xEF\xBF\xBF"),
            "\xEF\xBF\xBD\xEF\xBF\xBD");  // U+FFFE, U+FFFF
  EXPECT_EQ(XmlEscapeText("bad\xFF"
                          "end\xED\xA0\x80"),
            "bad\xEF\xBF\xBD"
            "end\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(XmlEscape, KeepsNonAsciiUtf8AndAllowedControls) {
  EXPECT_EQ(XmlEscapeText("contraseña 🔒"), "contraseña 🔒");
  EXPECT_EQ(XmlEscapeText("\x7f\xC2\x85"), "\x7f\xC2\x85");  // DEL and NEL are XML 1.0 Chars
}

// The word-at-a-time check against the byte-by-byte definition: every byte value at every offset
// of strings of up to three words.
TEST(IsPrintableAscii, EveryByteAtEveryOffset) {
  for (size_t length = 1; length <= 24; ++length) {
    for (size_t at = 0; at < length; ++at) {
      for (int c = 0; c < 256; ++c) {
        std::string text(length, 'a');
        text[at] = static_cast<char>(c);
        const bool printable = c >= 0x20 && c < 0x7F;
        ASSERT_EQ(IsPrintableAscii(text), printable) << c << " at " << at << " of " << length;
        if (printable) {
          EXPECT_EQ(SanitizeForTerminal(text), text);
          EXPECT_EQ(DisplayWidth(text), length);
        }
      }
    }
  }
  EXPECT_TRUE(IsPrintableAscii(""));
  EXPECT_TRUE(IsPrintableAscii(" ~"));
}

TEST(DisplayWidth, CountsCodePoints) {
  EXPECT_EQ(DisplayWidth(""), 0u);
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("contraseña"), 10u);
  EXPECT_EQ(DisplayWidth("\xFF\xFE"), 2u);
}

TEST(ObjectLabel, NamespacedClusterScopedAndIncomplete) {
  EXPECT_EQ(ObjectLabel({"apps/v1", "Deployment", "dev", "pictures"}), "Deployment dev/pictures");
  EXPECT_EQ(ObjectLabel({"rbac.authorization.k8s.io/v1", "ClusterRole", "", "admin"}),
            "ClusterRole admin");
  EXPECT_EQ(ObjectLabel({"v1", "Pod", "dev", ""}), "Pod dev/<unnamed>");
  EXPECT_EQ(ObjectLabel({"", "", "", "x"}), "x");
  EXPECT_EQ(ObjectQualifiedName({"apps/v1", "Deployment", "dev", "pictures"}),
            "Deployment/dev/pictures");
  EXPECT_EQ(ObjectQualifiedName({"v1", "Namespace", "", "dev"}), "Namespace/dev");
}

TEST(LocationLabel, OmitsUnknownParts) {
  EXPECT_EQ(LocationLabel("a.yaml", 12), "a.yaml:12");
  EXPECT_EQ(LocationLabel("a.yaml", 0), "a.yaml");
  EXPECT_EQ(LocationLabel("", 3), "<input>:3");
}

TEST(PathToUri, RelativeAbsoluteAndSpecialCharacters) {
  EXPECT_EQ(PathToUri("manifests/app.yaml"), "manifests/app.yaml");
  EXPECT_EQ(PathToUri("./manifests/app.yaml"), "manifests/app.yaml");
  EXPECT_EQ(PathToUri("././/a.yaml"), "a.yaml");
  EXPECT_EQ(PathToUri("../up/a.yaml"), "../up/a.yaml");
  EXPECT_EQ(PathToUri("/abs/dir/a.yaml"), "file:///abs/dir/a.yaml");
  EXPECT_EQ(PathToUri("my dir/a#1?.yaml"), "my%20dir/a%231%3F.yaml");
  EXPECT_EQ(PathToUri("c:x.yaml"), "c%3Ax.yaml");
  EXPECT_EQ(PathToUri("<stdin>"), "%3Cstdin%3E");
  EXPECT_EQ(PathToUri("años/ñ.yaml"), "a%C3%B1os/%C3%B1.yaml");
  EXPECT_EQ(PathToUri("100%.yaml"), "100%25.yaml");
}

TEST(CamelCase, FromKebabCase) {
  EXPECT_EQ(CamelCase("container-run-as-root"), "ContainerRunAsRoot");
  EXPECT_EQ(CamelCase("irsa-role-arn-invalid"), "IrsaRoleArnInvalid");
  EXPECT_EQ(CamelCase("x"), "X");
  EXPECT_EQ(CamelCase(""), "");
}

core::Finding FingerprintFinding() {
  core::Finding f;
  f.check = "container-privileged";
  f.object = {"apps/v1", "Deployment", "dev", "pictures"};
  f.file = "a.yaml";
  f.line = 10;
  f.column = 3;
  f.path = "spec.template.spec.containers[0].securityContext.privileged";
  return f;
}

TEST(FindingFingerprint, StableAcrossMovesAndApiVersionChanges) {
  const core::Finding base = FingerprintFinding();
  const std::string fp = FindingFingerprint(base);
  ASSERT_EQ(fp.size(), 16u);
  EXPECT_EQ(fp.find_first_not_of("0123456789abcdef"), std::string::npos);
  core::Finding moved = base;
  moved.file = "b/other.yaml";
  moved.line = 99;
  moved.column = 1;
  moved.object.api_version = "extensions/v1beta1";
  moved.message = "another wording";
  EXPECT_EQ(FindingFingerprint(moved), fp);
}

TEST(FindingFingerprint, DistinguishesCheckObjectAndPath) {
  const core::Finding base = FingerprintFinding();
  const std::string fp = FindingFingerprint(base);
  core::Finding other = base;
  other.check = "container-run-as-root";
  EXPECT_NE(FindingFingerprint(other), fp);
  other = base;
  other.object.name = "pictures2";
  EXPECT_NE(FindingFingerprint(other), fp);
  other = base;
  other.object.namespace_ = "prod";
  EXPECT_NE(FindingFingerprint(other), fp);
  other = base;
  other.object.kind = "StatefulSet";
  EXPECT_NE(FindingFingerprint(other), fp);
  other = base;
  other.path = "spec.template.spec.containers[1].securityContext.privileged";
  EXPECT_NE(FindingFingerprint(other), fp);
  // Moving text between adjacent parts changes the hash.
  core::Finding a = base;
  a.object.namespace_ = "de";
  a.object.name = "vpictures";
  EXPECT_NE(FindingFingerprint(a), fp);
}

}  // namespace
}  // namespace centinela::report
