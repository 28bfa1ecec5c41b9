#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/finding.h"

/// Text helpers shared by the writers of report/. Pure functions; safe on any input, including
/// invalid UTF-8.
namespace centinela::report {

/// Replacement for bytes that are not UTF-8 and characters a format cannot carry (U+FFFD).
inline constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";

/// Decodes one UTF-8 sequence at the start of `text` (which must not be empty). Returns the code
/// point and sets `*length` to the bytes consumed; returns -1 with `*length` = 1 for a byte that
/// does not start a well-formed sequence (overlong forms, surrogates and values above U+10FFFF are
/// not well-formed).
int32_t DecodeUtf8(std::string_view text, size_t* length);

/// True when every byte of `text` is printable ASCII (0x20 to 0x7E): text that SanitizeForTerminal
/// keeps as it is and whose DisplayWidth is its size.
bool IsPrintableAscii(std::string_view text);

/// Makes untrusted text safe to print on a terminal: C0 and C1 controls, DEL and bidirectional
/// overrides become visible escapes (`\n`, `\t`, `\r`, `\x1b`, `\u202e`), and bytes that are not
/// UTF-8 become `\xNN`. Other text, including well-formed non-ASCII UTF-8, is kept. With
/// `keep_tabs`, tabs are kept as they are (for source lines shown above a caret).
std::string SanitizeForTerminal(std::string_view text, bool keep_tabs = false);

/// Escapes XML 1.0 character data (element content). `&`, `<` and `>` become entities, CR becomes
/// `&#13;`; characters XML 1.0 forbids (controls other than tab, LF and CR; U+FFFE, U+FFFF) and
/// bytes that are not UTF-8 become U+FFFD.
std::string XmlEscapeText(std::string_view text);

/// As XmlEscapeText, for a double- or single-quoted attribute value: also escapes `"`, `'`, and
/// tab, LF and CR as character references so that attribute-value normalisation keeps them.
std::string XmlEscapeAttribute(std::string_view text);

/// Number of characters (code points; each byte that is not UTF-8 counts as one) in `text`.
size_t DisplayWidth(std::string_view text);

/// "Kind namespace/name", or "Kind name" when there is no namespace. "<unnamed>" stands for a
/// missing name.
std::string ObjectLabel(const core::ObjectRef& object);

/// "Kind/namespace/name", or "Kind/name" when there is no namespace (a SARIF logical location).
std::string ObjectQualifiedName(const core::ObjectRef& object);

/// "file:line", or "file" when the line is unknown; "<input>" stands for a missing file name.
std::string LocationLabel(std::string_view file, uint32_t line);

/// A relative or absolute file path as a URI reference: absolute paths become `file://` URIs,
/// relative ones lose a leading "./" and stay relative; every byte outside RFC 3986 unreserved
/// characters and "/" is percent-encoded (so ":" in a relative path cannot be read as a scheme).
std::string PathToUri(std::string_view path);

/// Kebab-case id to CamelCase ("container-run-as-root" -> "ContainerRunAsRoot").
std::string CamelCase(std::string_view id);

/// A stable 64-bit FNV-1a hash of the finding's check, object kind, namespace and name, and field
/// path, as 16 lower-case hex digits. Independent of file, line and apiVersion, so that moving an
/// object or migrating its apiVersion keeps its fingerprint.
std::string FindingFingerprint(const core::Finding& finding);

}  // namespace centinela::report
