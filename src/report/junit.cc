#include <array>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "report/text.h"
#include "report/writers.h"

namespace centinela::report {

namespace {

struct Counts {
  size_t tests = 0;
  size_t failures = 0;
  size_t errors = 0;
  size_t skipped = 0;
};

std::string CountAttributes(const Counts& c) {
  return " tests=\"" + std::to_string(c.tests) + "\" failures=\"" + std::to_string(c.failures) +
         "\" errors=\"" + std::to_string(c.errors) + "\" skipped=\"" + std::to_string(c.skipped) +
         "\"";
}

std::string TestcaseName(const core::Finding& f) {
  std::string name = ObjectLabel(f.object);
  if (!f.path.empty()) {
    name += ' ';
    name += f.path;
  }
  return name;
}

void WriteFindingCase(const core::Finding& f, std::string& out) {
  out += "    <testcase classname=\"";
  out += XmlEscapeAttribute(f.check);
  out += "\" name=\"";
  out += XmlEscapeAttribute(TestcaseName(f));
  out += "\">\n";
  if (f.suppressed) {
    out += "      <skipped message=\"";
    out += XmlEscapeAttribute("suppressed: " +
                              (f.suppression.empty() ? std::string("yes") : f.suppression.str()));
    out += "\"/>\n";
  } else {
    out += "      <failure message=\"";
    out += XmlEscapeAttribute(f.message);
    out += "\" type=\"";
    out += core::ToString(f.severity);
    out += "\">";
    std::string body = LocationLabel(f.file, f.line) + "\n" + f.message;
    if (!f.remediation.empty()) body += "\nRemediation: " + std::string(f.remediation);
    out += XmlEscapeText(body);
    out += "</failure>\n";
  }
  out += "    </testcase>\n";
}

}  // namespace

void WriteJunit(const ScanReport& report, const WriteOptions& options, std::ostream& out) {
  // One suite per control, always present; a control without findings gets one passing testcase so
  // that CI systems show it green.
  std::array<std::vector<const core::Finding*>, 4> by_control;
  std::array<Counts, 4> counts{};
  Counts total;
  for (const core::Finding& f : report.findings) {
    if (f.suppressed && !options.show_suppressed) continue;
    const size_t c = ControlIndex(f.control);
    by_control[c].push_back(&f);
    ++counts[c].tests;
    ++(f.suppressed ? counts[c].skipped : counts[c].failures);
  }
  for (core::Control control : core::kAllControls) {
    Counts& c = counts[ControlIndex(control)];
    if (c.tests == 0) c.tests = 1;
    total.tests += c.tests;
    total.failures += c.failures;
    total.skipped += c.skipped;
  }
  // Input problems get their own suite: an error means some input was not scanned, which must not
  // pass.
  Counts input;
  for (const core::Diagnostic& d : report.diagnostics) {
    ++input.tests;
    if (d.level == core::DiagLevel::kError) ++input.errors;
  }
  total.tests += input.tests;
  total.errors += input.errors;

  std::string text;
  text += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  text += "<testsuites name=\"centinela\"" + CountAttributes(total) + ">\n";
  out << text;
  for (core::Control control : core::kAllControls) {
    const size_t c = ControlIndex(control);
    text.clear();
    text += "  <testsuite name=\"";
    text += core::ToString(control);
    text += "\"" + CountAttributes(counts[c]) + ">\n";
    if (by_control[c].empty()) {
      text += "    <testcase classname=\"";
      text += core::ToString(control);
      text += "\" name=\"no findings\"/>\n";
    }
    out << text;
    for (const core::Finding* f : by_control[c]) {
      text.clear();
      WriteFindingCase(*f, text);
      out << text;
    }
    out << "  </testsuite>\n";
  }
  if (input.tests > 0) {
    text.clear();
    text += "  <testsuite name=\"input\"" + CountAttributes(input) + ">\n";
    for (const core::Diagnostic& d : report.diagnostics) {
      std::string name = d.location.file.empty() ? std::string("<input>") : d.location.file;
      if (d.location.line > 0) {
        name += ':' + std::to_string(d.location.line);
        if (d.location.column > 0) name += ':' + std::to_string(d.location.column);
      }
      text += R"(    <testcase classname="input" name=")" + XmlEscapeAttribute(name) + "\">\n";
      const std::string formatted = core::FormatDiagnostic(d, /*with_source=*/false);
      if (d.level == core::DiagLevel::kError) {
        text += R"(      <error message=")" + XmlEscapeAttribute(d.message) + R"(" type="error">)" +
                XmlEscapeText(formatted) + "</error>\n";
      } else {
        text += "      <system-out>" + XmlEscapeText(formatted) + "</system-out>\n";
      }
      text += "    </testcase>\n";
    }
    text += "  </testsuite>\n";
    out << text;
  }
  out << "</testsuites>\n";
}

}  // namespace centinela::report
