#include "cli/cli.h"

int main(int argc, char** argv) { return centinela::cli::Main(argc, argv); }
