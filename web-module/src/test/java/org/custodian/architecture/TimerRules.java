package org.custodian.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.ejb.Schedule;
import jakarta.ejb.Timeout;
import jakarta.interceptor.Interceptors;
import java.util.Arrays;

/**
 * Every EJB timer runs under TimerWatchdog: a tick that fires into a deployment whose start failed waits for ever on
 * WildFly, and without the watchdog that wait holds the undeploy (WildFlySmokeIT proves the undeploy; this rule
 * keeps a new schedule from forgetting it).
 */
final class TimerRules {

    static final String WATCHDOG = "org.custodian.application.shared.TimerWatchdog";

    private TimerRules() {
    }

    static ArchRule timersRunUnderTheWatchdog(String root) {
        return methods().that(new DescribedPredicate<JavaMethod>("are EJB timer methods") {
                    @Override
                    public boolean test(JavaMethod method) {
                        return method.isAnnotatedWith(Timeout.class) || method.isAnnotatedWith(Schedule.class);
                    }
                }).and().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .should(new ArchCondition<JavaMethod>("be declared in a class with @Interceptors(TimerWatchdog.class)") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        JavaClass owner = method.getOwner();
                        boolean watched = owner.tryGetAnnotationOfType(Interceptors.class.getName())
                                .flatMap(annotation -> annotation.get("value"))
                                .map(value -> Arrays.stream((Object[]) value)
                                        .anyMatch(each -> ((JavaClass) each).getName().equals(WATCHDOG)))
                                .orElse(false);
                        events.add(new SimpleConditionEvent(method, watched, method.getFullName()
                                + (watched ? " runs under " : " does not run under ") + WATCHDOG));
                    }
                })
                .allowEmptyShould(true);
    }
}
