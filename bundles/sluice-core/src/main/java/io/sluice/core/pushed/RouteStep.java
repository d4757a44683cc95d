package io.sluice.core.pushed;

import java.util.Objects;

/**
 * One change to the routing table. Mostly additions; {@code redirect-gateway} without
 * {@code def1} also deletes the original default route, and puts it back when the tunnel goes.
 */
public record RouteStep(Action action, PlannedRoute route) {

    /** Add or delete. */
    public enum Action { ADD, DELETE }

    public RouteStep {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(route, "route");
    }

    static RouteStep add(PlannedRoute route) {
        return new RouteStep(Action.ADD, route);
    }

    static RouteStep delete(PlannedRoute route) {
        return new RouteStep(Action.DELETE, route);
    }

    /** The step that undoes this one. */
    public RouteStep inverse() {
        return new RouteStep(action == Action.ADD ? Action.DELETE : Action.ADD, route);
    }

    @Override
    public String toString() {
        return (action == Action.ADD ? "add " : "delete ") + route;
    }
}
