package dev.jbound.render;

import dev.jbound.model.Assertion;
import dev.jbound.model.CheckResult;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;

/** The report's JSON document with {@code check.passed} and {@code check.assertions[]} added (README). */
public final class CheckJsonRenderer implements Renderer<CheckResult> {


    @Override
    public void render(CheckResult result, PrintWriter out) {
        ObjectNode root = JsonRenderer.toJson(result.report());
        ObjectNode check = root.putObject("check");
        check.put("passed", result.passed());
        ArrayNode assertions = check.putArray("assertions");
        for (CheckResult.Outcome o : result.outcomes()) {
            ObjectNode a = assertions.addObject();
            a.put("assertion", o.assertion().describe());
            if (o.assertion() instanceof Assertion.Expect e) {
                a.put("kind", "expect");
                ArrayNode classes = a.putArray("classes");
                e.classes().forEach(c -> classes.add(c.label()));
            } else {
                Assertion.Share s = (Assertion.Share) o.assertion();
                a.put("kind", s.max() ? "max" : "min");
                a.put("state", s.state().label());
                a.put("bound", s.bound());
            }
            a.put("measured", o.measured());
            a.put("passed", o.passed());
            a.put("message", o.message());
        }
        out.println(JsonTrees.pretty(root));
        out.flush();
    }
}
