package org.unionreports.modulecheck.beta;

/** What the module beta offers the others. */
public class Beta {

}
