package io.govlife.command.gov;

import io.govlife.events.Name;

/**
 * Encrypts an integrator's signing secret before it is stored, bound to its gov and integrator so a sealed value
 * copied to another row does not open. The key and the format are the application's: notice delivery opens what
 * is sealed here, and the two modules may not share a class.
 */
public interface SecretSealer {

    String seal(String secret, Name gov, Name integrator);
}
