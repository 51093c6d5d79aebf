package io.govlife.query.processor;

/**
 * The name this node claims token-store segments under. The assembly chooses it (and hands it to the token store),
 * so the read side asks for it here rather than reaching into the assembly.
 */
public interface ThisNode {

    String id();
}
