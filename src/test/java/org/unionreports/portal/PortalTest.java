package org.unionreports.portal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full-context test on the real embedded PostgreSQL server with the regions and demo reports loaded. All
 * such tests share one context (and one server), whose cluster lives under {@code target/} for this run only.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDataDirectory.class)
@org.springframework.context.annotation.Import({ TestUsers.class, SessionCookies.class })
public @interface PortalTest {

}
