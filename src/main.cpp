#include "cli/commands.hpp"

int main(int argc, char** argv) {
    return redress::cli::run(argc, argv);
}
