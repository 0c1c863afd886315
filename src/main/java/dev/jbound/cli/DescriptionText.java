package dev.jbound.cli;

/**
 * picocli reads descriptions as format strings (help prints them through String.format), so a
 * percent sign is written %% and a line break %n; the man pages and completions want plain text.
 */
final class DescriptionText {
    private DescriptionText() {
    }

    static String plain(String description) {
        return description.replace("%n", "\n").replace("%%", "%");
    }
}
