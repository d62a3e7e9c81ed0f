// Replays fuzz inputs without libFuzzer, so that every build (GCC included) runs each
// target's corpus as a test: `fuzz_<name> <file or folder>...` calls LLVMFuzzerTestOneInput
// once per file, in name order. A broken property aborts; no input at all is a failure too,
// so that a corpus folder that went missing cannot pass unnoticed.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

std::vector<std::filesystem::path> inputs_in(const std::vector<std::filesystem::path>& roots) {
    std::vector<std::filesystem::path> inputs;
    for (const auto& root : roots) {
        if (std::filesystem::is_directory(root)) {
            for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
                if (entry.is_regular_file()) inputs.push_back(entry.path());
            }
        } else if (std::filesystem::is_regular_file(root)) {
            inputs.push_back(root);
        } else {
            std::fprintf(stderr, "no such file or folder: %s\n", root.c_str());
        }
    }
    std::ranges::sort(inputs);
    return inputs;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s <input file or folder>...\n", argv[0]);
        return 2;
    }
    const auto inputs = inputs_in(std::vector<std::filesystem::path>(argv + 1, argv + argc));
    if (inputs.empty()) {
        std::fprintf(stderr, "no inputs to replay\n");
        return 1;
    }
    for (const auto& input : inputs) {
        std::ifstream in(input, std::ios::binary);
        const std::string bytes{std::istreambuf_iterator<char>(in), {}};
        // An allocation of exactly the input's size, so that AddressSanitizer sees any read
        // past its end, as under libFuzzer.
        auto copy = std::make_unique<std::uint8_t[]>(bytes.size());
        std::copy(bytes.begin(), bytes.end(), copy.get());
        std::printf("%s\n", input.c_str());
        std::fflush(stdout);  // the name of the input that crashes is then on record
        LLVMFuzzerTestOneInput(copy.get(), bytes.size());
    }
    std::printf("%zu inputs replayed\n", inputs.size());
    return 0;
}
