// The `validate` runner: codes a peer coder's validation suite with the
// peer's own dictionaries (imported, see import.h) and compares the events
// found with the expected ones.
//
// PATH is either a TABARI .project file (the actors, verbs, agents, options
// and text files it names, relative to its folder) or a PETRARCH records XML
// file (PETR.UnitTest.records.xml, UD-PETRARCH's PETR_Validate_records_*.xml;
// the dictionaries are those of its <Environment>, else the PETR.Validate.* /
// PETR_Validate_*_2_02.txt files of its folder).
//
// Output: one `FAIL <id>: expected [...] coded [...]` block per failing
// record (with its text), then `events: F of E expected found, X extra`, and
// as the last line `N passed, M failed`. Returns 0 when the suite could be
// run (whatever the pass rate), 1 when it could not be read.
#ifndef DRAGOMAN_IMPORT_VALIDATE_H_
#define DRAGOMAN_IMPORT_VALIDATE_H_

#include <cstdio>
#include <string>

namespace dragoman {

int RunValidate(const std::string& path, FILE* out);

}  // namespace dragoman

#endif  // DRAGOMAN_IMPORT_VALIDATE_H_
