package dev.jbound.render;

/** The formats documents are written in; which document has which is {@link Renderers}'s to say. */
public enum Format {
    text, json, junit, markdown
}
