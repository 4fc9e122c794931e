package dev.insightssync.cli;

import dev.insightssync.common.config.AwsClients;
import dev.insightssync.common.config.ConfigurationException;
import dev.insightssync.common.config.Settings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Options that name the deployed state machine ({@code --stack-name} or
 * {@code --state-machine-arn}) and the Region, shared by {@code start} and {@code status}.
 */
final class StateMachineOptions {

    /** Name of the stack output that contains the state machine's ARN (see template.yaml). */
    static final String STATE_MACHINE_OUTPUT = "StateMachineArn";

    static final class Target {
        @Option(names = "--stack-name", paramLabel = "NAME", description = "Name of the deployed CloudFormation stack.")
        String stackName;

        @Option(names = "--state-machine-arn", paramLabel = "ARN", description = "ARN of the state machine.")
        String stateMachineArn;
    }

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "The deployed state machine, one of:%n")
    Target target;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS Region of the stack (default: the SDK's chain, e.g. AWS_REGION).")
    String region;

    /** Returns a Step Functions client for the chosen Region. */
    SfnClient stepFunctions(Settings settings) {
        var builder = AwsClients.configure(SfnClient.builder(), settings, "SFN");
        if (region != null) {
            builder.region(Region.of(region));
        }
        return builder.build();
    }

    /** Returns the state machine ARN, reading the stack's outputs when only its name was given. */
    String stateMachineArn(Settings settings) {
        if (target.stateMachineArn != null) {
            return target.stateMachineArn;
        }
        var builder = AwsClients.configure(CloudFormationClient.builder(), settings, "CLOUDFORMATION");
        if (region != null) {
            builder.region(Region.of(region));
        }
        try (CloudFormationClient cloudFormation = builder.build()) {
            Stack stack = cloudFormation.describeStacks(request -> request.stackName(target.stackName)).stacks().stream()
                    .findFirst()
                    .orElseThrow(() -> new ConfigurationException("Stack " + target.stackName + " not found; check --stack-name and --region."));
            return stack.outputs().stream()
                    .filter(output -> STATE_MACHINE_OUTPUT.equals(output.outputKey()))
                    .map(Output::outputValue)
                    .findFirst()
                    .orElseThrow(() -> new ConfigurationException("Stack " + target.stackName + " has no output "
                            + STATE_MACHINE_OUTPUT + "; is it a deployment of this project's template.yaml?"));
        }
    }
}
