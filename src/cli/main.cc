// main.cc: the migralint executable.
#include "cli/cli.h"

int main(int argc, char** argv) { return migralint::cli::Main(argc, argv); }
