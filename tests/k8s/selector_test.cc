#include "k8s/selector.h"

#include <gtest/gtest.h>

#include <string>

#include "k8s_fixture.h"

namespace centinela::k8s {
namespace {

StringMap Labels(std::initializer_list<std::pair<std::string_view, std::string_view>> pairs) {
  return {pairs.begin(), pairs.end()};
}

// Parses the value of the top-level key `selector` of `yaml`.
struct Parsed {
  std::unique_ptr<testing::Loaded> in;
  core::Result<LabelSelector> result;
};

Parsed ParseSelector(const std::string& yaml, std::string_view path = "spec.selector") {
  auto in = testing::Parse(yaml);
  EXPECT_EQ(in->sink.size(), 0u) << yaml;
  const doc::Node* node = in->Root()->Get("selector");
  core::Result<LabelSelector> result = LabelSelector::Parse(node, path);
  return Parsed{std::move(in), std::move(result)};
}

std::string ErrorOf(const std::string& yaml) {
  Parsed p = ParseSelector(yaml);
  EXPECT_FALSE(p.result.ok()) << yaml;
  return p.result.ok() ? std::string("<ok>") : p.result.error().message;
}

TEST(LabelSelector, NullIsNothingEmptyIsEverything) {
  core::Result<LabelSelector> absent = LabelSelector::Parse(nullptr);
  ASSERT_TRUE(absent.ok());
  EXPECT_TRUE(absent->MatchesNothing());
  EXPECT_FALSE(absent->Matches({}));
  EXPECT_EQ(absent->ToString(), "<none>");

  Parsed null_value = ParseSelector("selector: null\n");
  ASSERT_TRUE(null_value.result.ok());
  EXPECT_TRUE(null_value.result->MatchesNothing());

  for (std::string yaml : {"selector: {}\n", "selector: {matchLabels: {}, matchExpressions: []}\n",
                           "selector:\n  matchLabels:\n"}) {
    Parsed p = ParseSelector(yaml);
    ASSERT_TRUE(p.result.ok()) << yaml;
    EXPECT_TRUE(p.result->MatchesEverything()) << yaml;
    EXPECT_TRUE(p.result->Matches({}));
    EXPECT_TRUE(p.result->Matches(Labels({{"app", "x"}})));
    EXPECT_EQ(p.result->ToString(), "");
  }
  EXPECT_TRUE(LabelSelector::Everything().Matches({}));
  EXPECT_FALSE(LabelSelector::Nothing().Matches(Labels({{"a", "b"}})));
}

TEST(LabelSelector, RequirementsAreSortedAndRendered) {
  Parsed p = ParseSelector(
      "selector:\n"
      "  matchLabels: {tier: web, app: shop}\n"
      "  matchExpressions:\n"
      "  - {key: zone, operator: In, values: [b, a]}\n"
      "  - {key: debug, operator: DoesNotExist}\n"
      "  - {key: env, operator: NotIn, values: [prod]}\n"
      "  - {key: team, operator: Exists}\n"
      "  - {key: app, operator: Exists}\n");
  ASSERT_TRUE(p.result.ok()) << p.result.error().message;
  EXPECT_EQ(p.result->ToString(),
            "app=shop,app,!debug,env notin (prod),team,tier=web,zone in (a,b)");
  const auto& reqs = p.result->requirements();
  ASSERT_EQ(reqs.size(), 7u);
  EXPECT_EQ(reqs[0].key, "app");
  EXPECT_EQ(reqs[0].op, LabelSelector::Op::kEquals);
  EXPECT_EQ(reqs[1].op, LabelSelector::Op::kExists);  // stable: matchLabels first for equal keys
  EXPECT_EQ(reqs[6].key, "zone");
  EXPECT_EQ(reqs[6].values, (std::vector<std::string>{"b", "a"}));  // values kept as written
  EXPECT_FALSE(p.result->MatchesEverything());
  EXPECT_FALSE(p.result->MatchesNothing());
}

TEST(LabelSelector, MatchSemantics) {
  Parsed p = ParseSelector(
      "selector:\n"
      "  matchLabels: {app: web}\n"
      "  matchExpressions:\n"
      "  - {key: tier, operator: In, values: [front, back]}\n"
      "  - {key: env, operator: NotIn, values: [prod]}\n"
      "  - {key: debug, operator: DoesNotExist}\n");
  ASSERT_TRUE(p.result.ok());
  const LabelSelector& s = *p.result;
  EXPECT_TRUE(s.Matches(Labels({{"app", "web"}, {"tier", "front"}})));  // env absent: NotIn ok
  EXPECT_TRUE(s.Matches(Labels({{"app", "web"}, {"tier", "back"}, {"env", "dev"}})));
  EXPECT_FALSE(s.Matches(Labels({{"app", "web"}, {"tier", "back"}, {"env", "prod"}})));  // NotIn
  EXPECT_FALSE(s.Matches(Labels({{"app", "web"}})));  // In needs the key
  EXPECT_FALSE(s.Matches(Labels({{"app", "web"}, {"tier", "mid"}})));
  EXPECT_FALSE(s.Matches(Labels({{"app", "db"}, {"tier", "front"}})));  // matchLabels ANDed
  EXPECT_FALSE(
      s.Matches(Labels({{"app", "web"}, {"tier", "front"}, {"debug", ""}})));  // DoesNotExist
  EXPECT_FALSE(s.Matches(Labels({{"app", "WEB"}, {"tier", "front"}})));        // case-sensitive

  Parsed exists = ParseSelector("selector: {matchExpressions: [{key: debug, operator: Exists}]}\n");
  ASSERT_TRUE(exists.result.ok());
  EXPECT_TRUE(exists.result->Matches(Labels({{"debug", ""}})));
  EXPECT_FALSE(exists.result->Matches(Labels({{"other", "x"}})));

  Parsed empty_value = ParseSelector("selector: {matchLabels: {app: \"\"}}\n");
  ASSERT_TRUE(empty_value.result.ok());
  EXPECT_TRUE(empty_value.result->Matches(Labels({{"app", ""}})));
  EXPECT_FALSE(empty_value.result->Matches({}));
}

TEST(LabelSelector, ValidationErrorsNameTheField) {
  EXPECT_EQ(ErrorOf("selector: {matchExpressions: [{key: a, operator: Foo}]}\n"),
            "spec.selector.matchExpressions[0].operator: Unsupported value: \"Foo\": supported "
            "values: \"In\", "
            "\"NotIn\", \"Exists\", \"DoesNotExist\"");
  EXPECT_EQ(ErrorOf("selector: {matchExpressions: [{key: a, operator: in, values: [x]}]}\n"),
            "spec.selector.matchExpressions[0].operator: Unsupported value: \"in\": supported "
            "values: \"In\", "
            "\"NotIn\", \"Exists\", \"DoesNotExist\"");
  EXPECT_EQ(ErrorOf("selector: {matchExpressions: [{key: a}]}\n"),
            "spec.selector.matchExpressions[0].operator: Unsupported value: \"\": supported "
            "values: \"In\", "
            "\"NotIn\", \"Exists\", \"DoesNotExist\"");
  EXPECT_EQ(ErrorOf("selector:\n  matchExpressions:\n  - {key: a, operator: Exists}\n"
                    "  - {key: b, operator: In, values: []}\n"),
            "spec.selector.matchExpressions[1].values: Required value: must be specified when "
            "`operator` is 'In' "
            "or 'NotIn'");
  EXPECT_EQ(ErrorOf("selector: {matchExpressions: [{key: a, operator: NotIn}]}\n"),
            "spec.selector.matchExpressions[0].values: Required value: must be specified when "
            "`operator` is 'In' "
            "or 'NotIn'");
  EXPECT_EQ(ErrorOf("selector: {matchExpressions: [{key: a, operator: Exists, values: [x]}]}\n"),
            "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when "
            "`operator` is "
            "'Exists' or 'DoesNotExist'");
  EXPECT_EQ(
      ErrorOf("selector: {matchExpressions: [{key: a, operator: DoesNotExist, values: [x]}]}\n"),
      "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` "
      "is "
      "'Exists' or 'DoesNotExist'");
}

TEST(LabelSelector, TypeErrorsNameTheField) {
  EXPECT_EQ(ErrorOf("selector: app=web\n"), "spec.selector: expected a mapping, got string");
  EXPECT_EQ(ErrorOf("selector: {matchLabels: [app]}\n"),
            "spec.selector.matchLabels: expected a mapping, got list");
  EXPECT_EQ(ErrorOf("selector: {matchLabels: {version: 1}}\n"),
            "spec.selector.matchLabels.version: expected a string, got integer");
  EXPECT_EQ(ErrorOf("selector: {matchLabels: {enabled: true}}\n"),
            "spec.selector.matchLabels.enabled: expected a string, got boolean");
  EXPECT_EQ(ErrorOf("selector: {matchExpressions: {key: a}}\n"),
            "spec.selector.matchExpressions: expected a list, got mapping");
  EXPECT_EQ(ErrorOf("selector: {matchExpressions: [a]}\n"),
            "spec.selector.matchExpressions[0]: expected a mapping, got string");
  EXPECT_EQ(ErrorOf("selector: {matchExpressions: [{key: a, operator: In, values: x}]}\n"),
            "spec.selector.matchExpressions[0].values: expected a list, got string");
  EXPECT_EQ(ErrorOf("selector: {matchExpressions: [{key: a, operator: In, values: [1]}]}\n"),
            "spec.selector.matchExpressions[0].values[0]: expected a string, got integer");
  EXPECT_EQ(ErrorOf("selector: {matchExpressions: [{key: [a], operator: Exists}]}\n"),
            "spec.selector.matchExpressions[0].key: expected a string, got list");
  EXPECT_EQ(ErrorOf("selector: {matchLabel: {app: web}}\n"),
            "unknown field \"spec.selector.matchLabel\"");
  EXPECT_EQ(ErrorOf("selector: {matchExpressions: [{key: a, operator: Exists, value: [x]}]}\n"),
            "unknown field \"spec.selector.matchExpressions[0].value\"");
}

TEST(LabelSelector, InvalidKeysAndValues) {
  EXPECT_EQ(ErrorOf("selector: {matchLabels: {\"bad key\": x}}\n"),
            "spec.selector.matchLabels: Invalid value: \"bad key\": name part must consist of "
            "alphanumeric "
            "characters, '-', '_' or '.', and must start and end with an alphanumeric character");
  EXPECT_EQ(ErrorOf("selector: {matchLabels: {app: \"-web\"}}\n"),
            "spec.selector.matchLabels.app: Invalid value: \"-web\": a valid label must be an "
            "empty string or "
            "consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
            "alphanumeric "
            "character");
  EXPECT_EQ(
      ErrorOf("selector: {matchExpressions: [{key: \"Example.com/app\", operator: Exists}]}\n"),
      "spec.selector.matchExpressions[0].key: Invalid value: \"Example.com/app\": prefix part a "
      "lowercase "
      "RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must "
      "start "
      "and end with an alphanumeric character");
  EXPECT_EQ(ErrorOf("selector: {matchExpressions: [{key: \"/app\", operator: Exists}]}\n"),
            "spec.selector.matchExpressions[0].key: Invalid value: \"/app\": prefix part must be "
            "non-empty");
  EXPECT_EQ(ErrorOf("selector: {matchExpressions: [{key: \"a/b/c\", operator: Exists}]}\n"),
            "spec.selector.matchExpressions[0].key: Invalid value: \"a/b/c\": a qualified name "
            "must consist of "
            "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
            "character "
            "with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
  EXPECT_EQ(
      ErrorOf("selector: {matchExpressions: [{key: \"example.com/\", operator: Exists}]}\n"),
      "spec.selector.matchExpressions[0].key: Invalid value: \"example.com/\": name part must be "
      "non-empty; name part must consist of alphanumeric characters, '-', '_' or '.', and must "
      "start and "
      "end with an alphanumeric character");
  std::string long_value(64, 'a');
  EXPECT_EQ(ErrorOf("selector: {matchExpressions: [{key: a, operator: In, values: [ok, " +
                    long_value + "]}]}\n"),
            "spec.selector.matchExpressions[0].values[1]: Invalid value: \"" + long_value +
                "\": must be no more than 63 characters");

  Parsed ok = ParseSelector(
      "selector: {matchLabels: {\"app.kubernetes.io/name\": web, \"k8s.io/x_y.z-1\": "
      "\"A.b_C-9\"}}\n");
  ASSERT_TRUE(ok.result.ok()) << ok.result.error().message;
  EXPECT_EQ(ok.result->ToString(), "app.kubernetes.io/name=web,k8s.io/x_y.z-1=A.b_C-9");
}

TEST(LabelSelector, ErrorsWithoutAPathStartAtTheSelectorsFields) {
  Parsed p = ParseSelector("selector: {matchExpressions: [{key: a, operator: Foo}]}\n", "");
  ASSERT_FALSE(p.result.ok());
  EXPECT_EQ(p.result.error().message,
            "matchExpressions[0].operator: Unsupported value: \"Foo\": supported values: \"In\", "
            "\"NotIn\", "
            "\"Exists\", \"DoesNotExist\"");
}

TEST(LabelSelector, FromMap) {
  auto in = testing::Parse(
      "full: {app: web, tier: front}\n"
      "empty: {}\n"
      "bad: {app: 1}\n"
      "list: [a]\n");
  const doc::Node* root = in->Root();
  LabelSelector full = LabelSelector::FromMap(root->Get("full"), false);
  EXPECT_EQ(full.ToString(), "app=web,tier=front");
  EXPECT_TRUE(full.Matches(Labels({{"tier", "front"}, {"app", "web"}, {"x", "y"}})));
  EXPECT_FALSE(full.Matches(Labels({{"app", "web"}})));

  EXPECT_TRUE(LabelSelector::FromMap(root->Get("empty"), true).MatchesEverything());
  EXPECT_TRUE(LabelSelector::FromMap(root->Get("empty"), false).MatchesNothing());
  EXPECT_TRUE(LabelSelector::FromMap(nullptr, true).MatchesEverything());
  EXPECT_TRUE(LabelSelector::FromMap(nullptr, false).MatchesNothing());
  EXPECT_TRUE(LabelSelector::FromMap(root->Get("bad"), true).MatchesNothing());
  EXPECT_TRUE(LabelSelector::FromMap(root->Get("list"), true).MatchesNothing());
}

}  // namespace
}  // namespace centinela::k8s
