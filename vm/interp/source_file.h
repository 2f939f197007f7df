#ifndef MINIDYNAMO_VM_INTERP_SOURCE_FILE_H_
#define MINIDYNAMO_VM_INTERP_SOURCE_FILE_H_

// Source files as CPython's file tokenizer reads them (PEP 263): a UTF-8
// byte-order mark is dropped; a coding declaration in the first two lines
// ("# -*- coding: latin-1 -*-") names the codec the bytes are decoded with
// (the codecs of vm/objects/text_codecs: utf-8, ascii, latin-1 and their
// aliases); without one the file must be UTF-8.

#include <string>

namespace minidynamo {

// Decodes the contents of the file `path` to UTF-8 source in `*out`. On
// failure raises SyntaxError with CPython's message ("Non-UTF-8 code starting
// with '\xff' in file ... on line 2, but no encoding declared; ...",
// "encoding problem: foo") and returns false.
bool DecodeSourceFile(const std::string& path, const std::string& bytes,
                      std::string* out);

// The same for source given to compile()/exec() as bytes, with the string
// tokenizer's messages ("(unicode error) 'utf-8' codec can't decode ...",
// "unknown encoding: foo").
bool DecodeSourceBytes(const std::string& bytes, std::string* out);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_INTERP_SOURCE_FILE_H_
