package org.unionreports.modulecheck;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A two-module application that breaks the rule on purpose, never started: {@code alpha} reaches into
 * {@code beta}'s internal package. ModulesTest shows that the verification the portal relies on catches it.
 */
@SpringBootApplication
public class ProbeApplication {

}
