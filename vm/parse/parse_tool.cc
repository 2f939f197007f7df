// Prints ast.dump() of a Python file, or its SyntaxError, the way
// python3.11 -c 'import ast,sys; print(ast.dump(ast.parse(open(f).read())))'
// does; with --attrs includes positions, with --time reports parse speed,
// with --error-fields prints a SyntaxError as testdata/errors/*.err lay it out.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "vm/parse/ast_dump.h"
#include "vm/parse/lexer.h"
#include "vm/parse/parser.h"

int main(int argc, char** argv) {
  bool attrs = false;
  bool time = false;
  bool error_fields = false;
  const char* path = nullptr;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--attrs") {
      attrs = true;
    } else if (arg == "--time") {
      time = true;
    } else if (arg == "--error-fields") {
      error_fields = true;
    } else {
      path = argv[i];
    }
  }
  if (path == nullptr) {
    std::fprintf(stderr, "usage: parse_tool [--attrs] [--time] file.py\n");
    return 2;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  std::string source = buf.str();
  if (time) {
    // Best of several runs: lexing alone, then the whole parse.
    double best_lex = 1e9, best_parse = 1e9;
    bool ok = true;
    for (int i = 0; i < 20; ++i) {
      auto a = std::chrono::steady_clock::now();
      minidynamo::LexOutput lex = minidynamo::Tokenize(source);
      auto b = std::chrono::steady_clock::now();
      ok = minidynamo::Parse(source, path, minidynamo::ParseMode::kExec).ok();
      auto c = std::chrono::steady_clock::now();
      best_lex = std::min(
          best_lex, std::chrono::duration<double, std::milli>(b - a).count());
      best_parse = std::min(
          best_parse, std::chrono::duration<double, std::milli>(c - b).count());
    }
    std::printf("lex %.3f ms, parse (incl. lex) %.3f ms\n", best_lex,
                best_parse);
    return ok ? 0 : 1;
  }
  minidynamo::SyntaxErrorInfo error;
  auto result =
      minidynamo::Parse(source, path, minidynamo::ParseMode::kExec, &error);
  if (!result.ok()) {
    if (error_fields) {
      // The layout of testdata/errors/*.err.
      std::printf("%s\n%s\n", error.type.c_str(), error.msg.c_str());
      if (error.has_location) {
        minidynamo::ast::ConstantValue text;
        text.kind = minidynamo::ast::ConstantValue::Kind::kStr;
        text.str_value = error.text;
        std::printf("%d\n%d\n%d\n%d\n%s\n", error.lineno, error.offset,
                    error.end_lineno, error.end_offset,
                    minidynamo::ReprConstant(text).c_str());
      }
    } else {
      std::printf("%s\n", error.Format().c_str());
    }
    return 1;
  }
  std::printf("%s\n", minidynamo::DumpAst(result->tree(), attrs).c_str());
  return 0;
}
