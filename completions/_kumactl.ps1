
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'kumactl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'kumactl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'kumactl' {
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for kumactl')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for kumactl')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Create or modify Kuma resources')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Output shell completion code for bash, fish, zsh or powershell')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Modify kumactl config files')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete Kuma resources')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate resources, tokens, etc')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show Kuma resources')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Help about any command')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Inspect Kuma resources')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Install various Kuma components.')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Move off resources that Kuma 3.0 removes')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print version')
            break
        }
        'kumactl;apply' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Path to file or directory to apply. When a directory is provided, all .yaml, .yml, and .json files are applied. Pass - to read from stdin')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Path to file or directory to apply. When a directory is provided, all .yaml, .yml, and .json files are applied. Pass - to read from stdin')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Variable to replace in configuration')
            [CompletionResult]::new('--var', '--var', [CompletionResultType]::ParameterName, 'Variable to replace in configuration')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Resolve variable and prints result out without actual applying')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for apply')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for apply')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;completion' {
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for completion')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for completion')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            [CompletionResult]::new('bash', 'bash', [CompletionResultType]::ParameterValue, 'Output shell completion code for bash')
            [CompletionResult]::new('zsh', 'zsh', [CompletionResultType]::ParameterValue, 'Output shell completion code for zsh')
            [CompletionResult]::new('fish', 'fish', [CompletionResultType]::ParameterValue, 'Output shell completion code for fish')
            [CompletionResult]::new('powershell', 'powershell', [CompletionResultType]::ParameterValue, 'Output shell completion code for powershell')
            break
        }
        'kumactl;completion;bash' {
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for bash')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for bash')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;completion;zsh' {
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for zsh')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for zsh')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;completion;fish' {
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for fish')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for fish')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;completion;powershell' {
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for powershell')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for powershell')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;config' {
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for config')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for config')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            [CompletionResult]::new('control-planes', 'control-planes', [CompletionResultType]::ParameterValue, 'Manage known Control Planes')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Show kumactl config')
            break
        }
        'kumactl;config;control-planes' {
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for control-planes')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for control-planes')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a Control Plane')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List Control Planes')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a Control Plane')
            [CompletionResult]::new('switch', 'switch', [CompletionResultType]::ParameterValue, 'Switch active Control Plane')
            break
        }
        'kumactl;config;control-planes;add' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'reference name for the Control Plane (required)')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'URL of the Control Plane API Server (required). Example: http://localhost:5681 or https://localhost:5682)')
            [CompletionResult]::new('--client-cert-file', '--client-cert-file', [CompletionResultType]::ParameterName, 'path to the certificate of a client that is authorized to use the Admin operations of the Control Plane (kumactl stores only a reference to this file)')
            [CompletionResult]::new('--client-key-file', '--client-key-file', [CompletionResultType]::ParameterName, 'path to the certificate key of a client that is authorized to use the Admin operations of the Control Plane (kumactl stores only a reference to this file)')
            [CompletionResult]::new('--ca-cert-file', '--ca-cert-file', [CompletionResultType]::ParameterName, 'path to the certificate authority which will be used to verify the Control Plane certificate (kumactl stores only a reference to this file)')
            [CompletionResult]::new('--headers', '--headers', [CompletionResultType]::ParameterName, 'add these headers while communicating to control plane, format key=value')
            [CompletionResult]::new('--auth-type', '--auth-type', [CompletionResultType]::ParameterName, 'authentication type (for example: "tokens")')
            [CompletionResult]::new('--auth-conf', '--auth-conf', [CompletionResultType]::ParameterName, 'authentication configuration for defined authentication type format key=value')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'overwrite existing Control Plane with the same reference name')
            [CompletionResult]::new('--skip-verify', '--skip-verify', [CompletionResultType]::ParameterName, 'skip CA verification')
            [CompletionResult]::new('--skip-check', '--skip-check', [CompletionResultType]::ParameterName, 'skip checking if we can connect to the CP')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for add')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for add')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;config;control-planes;list' {
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for list')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for list')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;config;control-planes;remove' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'reference name for the Control Plane (required)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for remove')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for remove')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;config;control-planes;switch' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'reference name for the Control Plane (required)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for switch')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for switch')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;config;view' {
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for view')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for view')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;delete' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for delete')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for delete')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;generate' {
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for generate')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for generate')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            [CompletionResult]::new('dataplane-token', 'dataplane-token', [CompletionResultType]::ParameterValue, 'Generate Dataplane Token')
            [CompletionResult]::new('public-key', 'public-key', [CompletionResultType]::ParameterValue, 'Generate public key out of signing key')
            [CompletionResult]::new('signing-key', 'signing-key', [CompletionResultType]::ParameterValue, 'Generate signing keys')
            [CompletionResult]::new('tls-certificate', 'tls-certificate', [CompletionResultType]::ParameterValue, 'Generate a TLS certificate')
            [CompletionResult]::new('user-token', 'user-token', [CompletionResultType]::ParameterValue, 'Generate User Token')
            [CompletionResult]::new('zone-token', 'zone-token', [CompletionResultType]::ParameterValue, 'Generate Zone Token')
            break
        }
        'kumactl;generate;dataplane-token' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'name of the Dataplane')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--proxy-type', '--proxy-type', [CompletionResultType]::ParameterName, 'type of the Dataplane ("dataplane", "ingress")')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'type of the Dataplane ("dataplane", "ingress")')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'required tag values for dataplane (split values by comma to provide multiple values)')
            [CompletionResult]::new('--workload', '--workload', [CompletionResultType]::ParameterName, 'required workload label value for dataplane')
            [CompletionResult]::new('--valid-for', '--valid-for', [CompletionResultType]::ParameterName, 'how long the token will be valid (for example "24h")')
            [CompletionResult]::new('--signing-key-path', '--signing-key-path', [CompletionResultType]::ParameterName, 'path to a file that contains private signing key. When specified, control plane won''t be used to issue the token.')
            [CompletionResult]::new('--kid', '--kid', [CompletionResultType]::ParameterName, 'ID of the key that is used to issue a token. Required when --signing-key-path is used.')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for dataplane-token')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for dataplane-token')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;generate;public-key' {
            [CompletionResult]::new('--signing-key-path', '--signing-key-path', [CompletionResultType]::ParameterName, 'path to a file with PEM-encoded private signing key')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for public-key')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for public-key')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;generate;signing-key' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format of signing key. Available values :pem-base64, pem')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for signing-key')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for signing-key')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;generate;tls-certificate' {
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'path to a file with a generated private key (''-'' for stdout)')
            [CompletionResult]::new('--cert-file', '--cert-file', [CompletionResultType]::ParameterName, 'path to a file with a generated TLS certificate (''-'' for stdout)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'type of the certificate: one of client|server')
            [CompletionResult]::new('--key-type', '--key-type', [CompletionResultType]::ParameterName, 'type of the private key: one of rsa|ecdsa')
            [CompletionResult]::new('--hostname', '--hostname', [CompletionResultType]::ParameterName, 'DNS hostname(s) to issue the certificate for')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for tls-certificate')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for tls-certificate')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;generate;user-token' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'name of the user')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'group of the user')
            [CompletionResult]::new('--valid-for', '--valid-for', [CompletionResultType]::ParameterName, 'how long the token will be valid (for example "24h")')
            [CompletionResult]::new('--signing-key-path', '--signing-key-path', [CompletionResultType]::ParameterName, 'path to a file that contains private signing key. When specified, control plane won''t be used to issue the token.')
            [CompletionResult]::new('--kid', '--kid', [CompletionResultType]::ParameterName, 'ID of the key that is used to issue a token. Required when --signing-key-path is used.')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for user-token')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for user-token')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;generate;zone-token' {
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'name of the zone where resides')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'scope of resources which the token will be able to identify (can be: [ingress egress])')
            [CompletionResult]::new('--valid-for', '--valid-for', [CompletionResultType]::ParameterName, 'how long the token will be valid (for example "24h")')
            [CompletionResult]::new('--signing-key-path', '--signing-key-path', [CompletionResultType]::ParameterName, 'path to a file that contains private signing key. When specified, control plane won''t be used to issue the token.')
            [CompletionResult]::new('--kid', '--kid', [CompletionResultType]::ParameterName, 'ID of the key that is used to issue a token. Required when --signing-key-path is used.')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for zone-token')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for zone-token')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for get')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for get')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            [CompletionResult]::new('circuit-breaker', 'circuit-breaker', [CompletionResultType]::ParameterValue, 'Show a single CircuitBreaker resource')
            [CompletionResult]::new('circuit-breakers', 'circuit-breakers', [CompletionResultType]::ParameterValue, 'Show CircuitBreaker')
            [CompletionResult]::new('dataplane', 'dataplane', [CompletionResultType]::ParameterValue, 'Show a single Dataplane resource')
            [CompletionResult]::new('dataplanes', 'dataplanes', [CompletionResultType]::ParameterValue, 'Show Dataplane')
            [CompletionResult]::new('external-service', 'external-service', [CompletionResultType]::ParameterValue, 'Show a single ExternalService resource')
            [CompletionResult]::new('external-services', 'external-services', [CompletionResultType]::ParameterValue, 'Show ExternalService')
            [CompletionResult]::new('fault-injection', 'fault-injection', [CompletionResultType]::ParameterValue, 'Show a single FaultInjection resource')
            [CompletionResult]::new('fault-injections', 'fault-injections', [CompletionResultType]::ParameterValue, 'Show FaultInjection')
            [CompletionResult]::new('globalsecret', 'globalsecret', [CompletionResultType]::ParameterValue, 'Show a single GlobalSecret resource')
            [CompletionResult]::new('globalsecrets', 'globalsecrets', [CompletionResultType]::ParameterValue, 'Show GlobalSecret')
            [CompletionResult]::new('healthcheck', 'healthcheck', [CompletionResultType]::ParameterValue, 'Show a single HealthCheck resource')
            [CompletionResult]::new('healthchecks', 'healthchecks', [CompletionResultType]::ParameterValue, 'Show HealthCheck')
            [CompletionResult]::new('hostnamegenerator', 'hostnamegenerator', [CompletionResultType]::ParameterValue, 'Show a single HostnameGenerator resource')
            [CompletionResult]::new('hostnamegenerators', 'hostnamegenerators', [CompletionResultType]::ParameterValue, 'Show HostnameGenerator')
            [CompletionResult]::new('mesh', 'mesh', [CompletionResultType]::ParameterValue, 'Show a single Mesh resource')
            [CompletionResult]::new('meshaccesslog', 'meshaccesslog', [CompletionResultType]::ParameterValue, 'Show a single MeshAccessLog resource')
            [CompletionResult]::new('meshaccesslogs', 'meshaccesslogs', [CompletionResultType]::ParameterValue, 'Show MeshAccessLog')
            [CompletionResult]::new('meshcircuitbreaker', 'meshcircuitbreaker', [CompletionResultType]::ParameterValue, 'Show a single MeshCircuitBreaker resource')
            [CompletionResult]::new('meshcircuitbreakers', 'meshcircuitbreakers', [CompletionResultType]::ParameterValue, 'Show MeshCircuitBreaker')
            [CompletionResult]::new('meshes', 'meshes', [CompletionResultType]::ParameterValue, 'Show Mesh')
            [CompletionResult]::new('meshexternalservice', 'meshexternalservice', [CompletionResultType]::ParameterValue, 'Show a single MeshExternalService resource')
            [CompletionResult]::new('meshexternalservices', 'meshexternalservices', [CompletionResultType]::ParameterValue, 'Show MeshExternalService')
            [CompletionResult]::new('meshfaultinjection', 'meshfaultinjection', [CompletionResultType]::ParameterValue, 'Show a single MeshFaultInjection resource')
            [CompletionResult]::new('meshfaultinjections', 'meshfaultinjections', [CompletionResultType]::ParameterValue, 'Show MeshFaultInjection')
            [CompletionResult]::new('meshgateway', 'meshgateway', [CompletionResultType]::ParameterValue, 'Show a single MeshGateway resource')
            [CompletionResult]::new('meshgatewayroute', 'meshgatewayroute', [CompletionResultType]::ParameterValue, 'Show a single MeshGatewayRoute resource')
            [CompletionResult]::new('meshgatewayroutes', 'meshgatewayroutes', [CompletionResultType]::ParameterValue, 'Show MeshGatewayRoute')
            [CompletionResult]::new('meshgateways', 'meshgateways', [CompletionResultType]::ParameterValue, 'Show MeshGateway')
            [CompletionResult]::new('meshhealthcheck', 'meshhealthcheck', [CompletionResultType]::ParameterValue, 'Show a single MeshHealthCheck resource')
            [CompletionResult]::new('meshhealthchecks', 'meshhealthchecks', [CompletionResultType]::ParameterValue, 'Show MeshHealthCheck')
            [CompletionResult]::new('meshhttproute', 'meshhttproute', [CompletionResultType]::ParameterValue, 'Show a single MeshHTTPRoute resource')
            [CompletionResult]::new('meshhttproutes', 'meshhttproutes', [CompletionResultType]::ParameterValue, 'Show MeshHTTPRoute')
            [CompletionResult]::new('meshidentities', 'meshidentities', [CompletionResultType]::ParameterValue, 'Show MeshIdentity')
            [CompletionResult]::new('meshidentity', 'meshidentity', [CompletionResultType]::ParameterValue, 'Show a single MeshIdentity resource')
            [CompletionResult]::new('meshloadbalancingstrategies', 'meshloadbalancingstrategies', [CompletionResultType]::ParameterValue, 'Show MeshLoadBalancingStrategy')
            [CompletionResult]::new('meshloadbalancingstrategy', 'meshloadbalancingstrategy', [CompletionResultType]::ParameterValue, 'Show a single MeshLoadBalancingStrategy resource')
            [CompletionResult]::new('meshmetric', 'meshmetric', [CompletionResultType]::ParameterValue, 'Show a single MeshMetric resource')
            [CompletionResult]::new('meshmetrics', 'meshmetrics', [CompletionResultType]::ParameterValue, 'Show MeshMetric')
            [CompletionResult]::new('meshmultizoneservice', 'meshmultizoneservice', [CompletionResultType]::ParameterValue, 'Show a single MeshMultiZoneService resource')
            [CompletionResult]::new('meshmultizoneservices', 'meshmultizoneservices', [CompletionResultType]::ParameterValue, 'Show MeshMultiZoneService')
            [CompletionResult]::new('meshopentelemetrybackend', 'meshopentelemetrybackend', [CompletionResultType]::ParameterValue, 'Show a single MeshOpenTelemetryBackend resource')
            [CompletionResult]::new('meshopentelemetrybackends', 'meshopentelemetrybackends', [CompletionResultType]::ParameterValue, 'Show MeshOpenTelemetryBackend')
            [CompletionResult]::new('meshpassthrough', 'meshpassthrough', [CompletionResultType]::ParameterValue, 'Show a single MeshPassthrough resource')
            [CompletionResult]::new('meshpassthroughs', 'meshpassthroughs', [CompletionResultType]::ParameterValue, 'Show MeshPassthrough')
            [CompletionResult]::new('meshproxypatch', 'meshproxypatch', [CompletionResultType]::ParameterValue, 'Show a single MeshProxyPatch resource')
            [CompletionResult]::new('meshproxypatches', 'meshproxypatches', [CompletionResultType]::ParameterValue, 'Show MeshProxyPatch')
            [CompletionResult]::new('meshratelimit', 'meshratelimit', [CompletionResultType]::ParameterValue, 'Show a single MeshRateLimit resource')
            [CompletionResult]::new('meshratelimits', 'meshratelimits', [CompletionResultType]::ParameterValue, 'Show MeshRateLimit')
            [CompletionResult]::new('meshretries', 'meshretries', [CompletionResultType]::ParameterValue, 'Show MeshRetry')
            [CompletionResult]::new('meshretry', 'meshretry', [CompletionResultType]::ParameterValue, 'Show a single MeshRetry resource')
            [CompletionResult]::new('meshservice', 'meshservice', [CompletionResultType]::ParameterValue, 'Show a single MeshService resource')
            [CompletionResult]::new('meshservices', 'meshservices', [CompletionResultType]::ParameterValue, 'Show MeshService')
            [CompletionResult]::new('meshtcproute', 'meshtcproute', [CompletionResultType]::ParameterValue, 'Show a single MeshTCPRoute resource')
            [CompletionResult]::new('meshtcproutes', 'meshtcproutes', [CompletionResultType]::ParameterValue, 'Show MeshTCPRoute')
            [CompletionResult]::new('meshtimeout', 'meshtimeout', [CompletionResultType]::ParameterValue, 'Show a single MeshTimeout resource')
            [CompletionResult]::new('meshtimeouts', 'meshtimeouts', [CompletionResultType]::ParameterValue, 'Show MeshTimeout')
            [CompletionResult]::new('meshtls', 'meshtls', [CompletionResultType]::ParameterValue, 'Show a single MeshTLS resource')
            [CompletionResult]::new('meshtlses', 'meshtlses', [CompletionResultType]::ParameterValue, 'Show MeshTLS')
            [CompletionResult]::new('meshtrace', 'meshtrace', [CompletionResultType]::ParameterValue, 'Show a single MeshTrace resource')
            [CompletionResult]::new('meshtraces', 'meshtraces', [CompletionResultType]::ParameterValue, 'Show MeshTrace')
            [CompletionResult]::new('meshtrafficpermission', 'meshtrafficpermission', [CompletionResultType]::ParameterValue, 'Show a single MeshTrafficPermission resource')
            [CompletionResult]::new('meshtrafficpermissions', 'meshtrafficpermissions', [CompletionResultType]::ParameterValue, 'Show MeshTrafficPermission')
            [CompletionResult]::new('meshtrust', 'meshtrust', [CompletionResultType]::ParameterValue, 'Show a single MeshTrust resource')
            [CompletionResult]::new('meshtrusts', 'meshtrusts', [CompletionResultType]::ParameterValue, 'Show MeshTrust')
            [CompletionResult]::new('meshzoneaddress', 'meshzoneaddress', [CompletionResultType]::ParameterValue, 'Show a single MeshZoneAddress resource')
            [CompletionResult]::new('meshzoneaddresses', 'meshzoneaddresses', [CompletionResultType]::ParameterValue, 'Show MeshZoneAddress')
            [CompletionResult]::new('proxytemplate', 'proxytemplate', [CompletionResultType]::ParameterValue, 'Show a single ProxyTemplate resource')
            [CompletionResult]::new('proxytemplates', 'proxytemplates', [CompletionResultType]::ParameterValue, 'Show ProxyTemplate')
            [CompletionResult]::new('rate-limit', 'rate-limit', [CompletionResultType]::ParameterValue, 'Show a single RateLimit resource')
            [CompletionResult]::new('rate-limits', 'rate-limits', [CompletionResultType]::ParameterValue, 'Show RateLimit')
            [CompletionResult]::new('retries', 'retries', [CompletionResultType]::ParameterValue, 'Show Retry')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Show a single Retry resource')
            [CompletionResult]::new('secret', 'secret', [CompletionResultType]::ParameterValue, 'Show a single Secret resource')
            [CompletionResult]::new('secrets', 'secrets', [CompletionResultType]::ParameterValue, 'Show Secret')
            [CompletionResult]::new('timeout', 'timeout', [CompletionResultType]::ParameterValue, 'Show a single Timeout resource')
            [CompletionResult]::new('timeouts', 'timeouts', [CompletionResultType]::ParameterValue, 'Show Timeout')
            [CompletionResult]::new('traffic-log', 'traffic-log', [CompletionResultType]::ParameterValue, 'Show a single TrafficLog resource')
            [CompletionResult]::new('traffic-logs', 'traffic-logs', [CompletionResultType]::ParameterValue, 'Show TrafficLog')
            [CompletionResult]::new('traffic-permission', 'traffic-permission', [CompletionResultType]::ParameterValue, 'Show a single TrafficPermission resource')
            [CompletionResult]::new('traffic-permissions', 'traffic-permissions', [CompletionResultType]::ParameterValue, 'Show TrafficPermission')
            [CompletionResult]::new('traffic-route', 'traffic-route', [CompletionResultType]::ParameterValue, 'Show a single TrafficRoute resource')
            [CompletionResult]::new('traffic-routes', 'traffic-routes', [CompletionResultType]::ParameterValue, 'Show TrafficRoute')
            [CompletionResult]::new('traffic-trace', 'traffic-trace', [CompletionResultType]::ParameterValue, 'Show a single TrafficTrace resource')
            [CompletionResult]::new('traffic-traces', 'traffic-traces', [CompletionResultType]::ParameterValue, 'Show TrafficTrace')
            [CompletionResult]::new('virtual-outbound', 'virtual-outbound', [CompletionResultType]::ParameterValue, 'Show a single VirtualOutbound resource')
            [CompletionResult]::new('virtual-outbounds', 'virtual-outbounds', [CompletionResultType]::ParameterValue, 'Show VirtualOutbound')
            [CompletionResult]::new('workload', 'workload', [CompletionResultType]::ParameterValue, 'Show a single Workload resource')
            [CompletionResult]::new('workloads', 'workloads', [CompletionResultType]::ParameterValue, 'Show Workload')
            [CompletionResult]::new('zone', 'zone', [CompletionResultType]::ParameterValue, 'Show a single Zone resource')
            [CompletionResult]::new('zoneegress', 'zoneegress', [CompletionResultType]::ParameterValue, 'Show a single ZoneEgress resource')
            [CompletionResult]::new('zoneegresses', 'zoneegresses', [CompletionResultType]::ParameterValue, 'Show ZoneEgress')
            [CompletionResult]::new('zoneingress', 'zoneingress', [CompletionResultType]::ParameterValue, 'Show a single ZoneIngress resource')
            [CompletionResult]::new('zoneingresses', 'zoneingresses', [CompletionResultType]::ParameterValue, 'Show ZoneIngress')
            [CompletionResult]::new('zones', 'zones', [CompletionResultType]::ParameterValue, 'Show Zone')
            break
        }
        'kumactl;get;circuit-breaker' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for circuit-breaker')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for circuit-breaker')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;circuit-breakers' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for circuit-breakers')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for circuit-breakers')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;dataplane' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for dataplane')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for dataplane')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;dataplanes' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for dataplanes')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for dataplanes')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;external-service' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for external-service')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for external-service')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;external-services' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for external-services')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for external-services')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;fault-injection' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for fault-injection')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for fault-injection')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;fault-injections' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for fault-injections')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for fault-injections')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;globalsecret' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for globalsecret')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for globalsecret')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;globalsecrets' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for globalsecrets')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for globalsecrets')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;healthcheck' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for healthcheck')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for healthcheck')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;healthchecks' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for healthchecks')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for healthchecks')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;hostnamegenerator' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for hostnamegenerator')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for hostnamegenerator')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;hostnamegenerators' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for hostnamegenerators')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for hostnamegenerators')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;mesh' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for mesh')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for mesh')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshaccesslog' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshaccesslog')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshaccesslog')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshaccesslogs' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshaccesslogs')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshaccesslogs')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshcircuitbreaker' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshcircuitbreaker')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshcircuitbreaker')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshcircuitbreakers' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshcircuitbreakers')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshcircuitbreakers')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshes' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshes')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshes')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshexternalservice' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshexternalservice')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshexternalservice')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshexternalservices' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshexternalservices')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshexternalservices')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshfaultinjection' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshfaultinjection')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshfaultinjection')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshfaultinjections' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshfaultinjections')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshfaultinjections')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshgateway' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshgateway')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshgateway')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshgatewayroute' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshgatewayroute')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshgatewayroute')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshgatewayroutes' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshgatewayroutes')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshgatewayroutes')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshgateways' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshgateways')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshgateways')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshhealthcheck' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshhealthcheck')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshhealthcheck')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshhealthchecks' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshhealthchecks')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshhealthchecks')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshhttproute' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshhttproute')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshhttproute')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshhttproutes' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshhttproutes')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshhttproutes')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshidentities' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshidentities')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshidentities')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshidentity' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshidentity')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshidentity')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshloadbalancingstrategies' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshloadbalancingstrategies')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshloadbalancingstrategies')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshloadbalancingstrategy' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshloadbalancingstrategy')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshloadbalancingstrategy')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshmetric' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshmetric')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshmetric')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshmetrics' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshmetrics')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshmetrics')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshmultizoneservice' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshmultizoneservice')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshmultizoneservice')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshmultizoneservices' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshmultizoneservices')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshmultizoneservices')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshopentelemetrybackend' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshopentelemetrybackend')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshopentelemetrybackend')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshopentelemetrybackends' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshopentelemetrybackends')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshopentelemetrybackends')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshpassthrough' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshpassthrough')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshpassthrough')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshpassthroughs' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshpassthroughs')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshpassthroughs')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshproxypatch' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshproxypatch')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshproxypatch')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshproxypatches' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshproxypatches')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshproxypatches')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshratelimit' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshratelimit')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshratelimit')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshratelimits' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshratelimits')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshratelimits')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshretries' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshretries')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshretries')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshretry' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshretry')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshretry')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshservice' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshservice')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshservice')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshservices' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshservices')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshservices')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshtcproute' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshtcproute')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshtcproute')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshtcproutes' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshtcproutes')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshtcproutes')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshtimeout' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshtimeout')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshtimeout')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshtimeouts' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshtimeouts')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshtimeouts')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshtls' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshtls')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshtls')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshtlses' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshtlses')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshtlses')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshtrace' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshtrace')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshtrace')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshtraces' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshtraces')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshtraces')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshtrafficpermission' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshtrafficpermission')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshtrafficpermission')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshtrafficpermissions' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshtrafficpermissions')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshtrafficpermissions')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshtrust' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshtrust')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshtrust')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshtrusts' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshtrusts')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshtrusts')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshzoneaddress' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshzoneaddress')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshzoneaddress')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;meshzoneaddresses' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshzoneaddresses')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshzoneaddresses')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;proxytemplate' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for proxytemplate')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for proxytemplate')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;proxytemplates' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for proxytemplates')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for proxytemplates')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;rate-limit' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for rate-limit')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for rate-limit')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;rate-limits' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for rate-limits')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for rate-limits')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;retries' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for retries')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for retries')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;retry' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for retry')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for retry')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;secret' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for secret')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for secret')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;secrets' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for secrets')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for secrets')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;timeout' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for timeout')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for timeout')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;timeouts' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for timeouts')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for timeouts')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;traffic-log' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for traffic-log')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for traffic-log')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;traffic-logs' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for traffic-logs')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for traffic-logs')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;traffic-permission' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for traffic-permission')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for traffic-permission')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;traffic-permissions' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for traffic-permissions')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for traffic-permissions')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;traffic-route' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for traffic-route')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for traffic-route')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;traffic-routes' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for traffic-routes')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for traffic-routes')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;traffic-trace' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for traffic-trace')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for traffic-trace')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;traffic-traces' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for traffic-traces')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for traffic-traces')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;virtual-outbound' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for virtual-outbound')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for virtual-outbound')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;virtual-outbounds' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for virtual-outbounds')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for virtual-outbounds')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;workload' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for workload')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for workload')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;workloads' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for workloads')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for workloads')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;zone' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for zone')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for zone')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;zoneegress' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for zoneegress')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for zoneegress')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;zoneegresses' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for zoneegresses')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for zoneegresses')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;zoneingress' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for zoneingress')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for zoneingress')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;zoneingresses' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for zoneingresses')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for zoneingresses')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;get;zones' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--mesh', '--mesh', [CompletionResultType]::ParameterName, 'mesh to use')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'maximum number of elements to return')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'the offset that indicates starting element of the resources list to retrieve')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for zones')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for zones')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;help' {
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for help')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;inspect' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for inspect')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for inspect')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            [CompletionResult]::new('meshes', 'meshes', [CompletionResultType]::ParameterValue, 'Inspect Meshes')
            [CompletionResult]::new('zone-token', 'zone-token', [CompletionResultType]::ParameterValue, 'Inspect a Zone Token')
            [CompletionResult]::new('zoneegress', 'zoneegress', [CompletionResultType]::ParameterValue, 'Inspect ZoneEgress')
            [CompletionResult]::new('zoneegresses', 'zoneegresses', [CompletionResultType]::ParameterValue, 'Inspect Zone Egresses')
            break
        }
        'kumactl;inspect;meshes' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for meshes')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for meshes')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;inspect;zone-token' {
            [CompletionResult]::new('--public-key-path', '--public-key-path', [CompletionResultType]::ParameterName, 'path to a PEM public key (RSA PUBLIC KEY or PUBLIC KEY) to verify the token with')
            [CompletionResult]::new('--signing-key-path', '--signing-key-path', [CompletionResultType]::ParameterName, 'path to the PEM private signing key whose public half verifies the token')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for zone-token')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for zone-token')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;inspect;zoneegress' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'inspection type: one of config-dump|stats|clusters')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('--include-eds', '--include-eds', [CompletionResultType]::ParameterName, 'include Envoy EDS in the config dump')
            [CompletionResult]::new('--config-dump', '--config-dump', [CompletionResultType]::ParameterName, 'deprecated: use --type=config-dump')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for zoneegress')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for zoneegress')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;inspect;zoneegresses' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output format: one of table|yaml|json')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for zoneegresses')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for zoneegresses')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;install' {
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for install')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for install')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            [CompletionResult]::new('control-plane', 'control-plane', [CompletionResultType]::ParameterValue, 'Install Kuma Control Plane on Kubernetes')
            [CompletionResult]::new('crds', 'crds', [CompletionResultType]::ParameterValue, 'Install Kuma Custom Resource Definitions on Kubernetes')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Install Kuma demo on Kubernetes')
            break
        }
        'kumactl;install;control-plane' {
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'namespace to install Kuma Control Plane to')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'version of Kuma Control Plane components')
            [CompletionResult]::new('--control-plane-version', '--control-plane-version', [CompletionResultType]::ParameterName, 'version of the image of the Kuma Control Plane component')
            [CompletionResult]::new('--dataplane-version', '--dataplane-version', [CompletionResultType]::ParameterName, 'version of the image of the Kuma DataPlane component')
            [CompletionResult]::new('--dataplane-init-version', '--dataplane-init-version', [CompletionResultType]::ParameterName, 'version of the init image of the Kuma DataPlane component')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'registry for all images')
            [CompletionResult]::new('--image-pull-policy', '--image-pull-policy', [CompletionResultType]::ParameterName, 'image pull policy that applies to the Kuma Control Plane container')
            [CompletionResult]::new('--control-plane-registry', '--control-plane-registry', [CompletionResultType]::ParameterName, 'registry for the image of the Kuma Control Plane component')
            [CompletionResult]::new('--control-plane-repository', '--control-plane-repository', [CompletionResultType]::ParameterName, 'repository for the image of the Kuma Control Plane component')
            [CompletionResult]::new('--control-plane-service-name', '--control-plane-service-name', [CompletionResultType]::ParameterName, 'Service name of the Kuma Control Plane')
            [CompletionResult]::new('--tls-general-secret', '--tls-general-secret', [CompletionResultType]::ParameterName, 'existing Secret with tls.crt, tls.key (and ca.crt unless --tls-general-ca-secret) for the control plane; without it a certificate is generated')
            [CompletionResult]::new('--tls-general-ca-secret', '--tls-general-ca-secret', [CompletionResultType]::ParameterName, 'existing Secret with the ca.crt that signed --tls-general-secret (wins over its ca.crt)')
            [CompletionResult]::new('--tls-general-ca-bundle', '--tls-general-ca-bundle', [CompletionResultType]::ParameterName, 'base64 of the PEM CA that signed --tls-general-secret, for the webhooks')
            [CompletionResult]::new('--tls-api-server-secret', '--tls-api-server-secret', [CompletionResultType]::ParameterName, 'existing Secret with tls.crt and tls.key for the HTTPS API server')
            [CompletionResult]::new('--tls-api-server-client-certs-secret', '--tls-api-server-client-certs-secret', [CompletionResultType]::ParameterName, 'existing Secret with the .pem client certificates allowed to call admin endpoints of the API')
            [CompletionResult]::new('--tls-kds-global-server-secret', '--tls-kds-global-server-secret', [CompletionResultType]::ParameterName, 'existing Secret with tls.crt and tls.key of the global KDS server (global mode)')
            [CompletionResult]::new('--tls-kds-zone-client-secret', '--tls-kds-zone-client-secret', [CompletionResultType]::ParameterName, 'existing Secret with the ca.crt of the global KDS server, to verify it (zone mode)')
            [CompletionResult]::new('--injector-failure-policy', '--injector-failure-policy', [CompletionResultType]::ParameterName, 'failures policy of the sidecar injector webhooks (Fail or Ignore)')
            [CompletionResult]::new('--control-plane-node-selector', '--control-plane-node-selector', [CompletionResultType]::ParameterName, 'node selector for Kuma Control Plane')
            [CompletionResult]::new('--env-var', '--env-var', [CompletionResultType]::ParameterName, 'environment variables that will be passed to the control plane')
            [CompletionResult]::new('--dataplane-registry', '--dataplane-registry', [CompletionResultType]::ParameterName, 'registry for the image of the Kuma DataPlane component')
            [CompletionResult]::new('--dataplane-repository', '--dataplane-repository', [CompletionResultType]::ParameterName, 'repository for the image of the Kuma DataPlane component')
            [CompletionResult]::new('--dataplane-init-registry', '--dataplane-init-registry', [CompletionResultType]::ParameterName, 'registry for the init image of the Kuma DataPlane component')
            [CompletionResult]::new('--dataplane-init-repository', '--dataplane-init-repository', [CompletionResultType]::ParameterName, 'repository for the init image of the Kuma DataPlane component')
            [CompletionResult]::new('--kds-global-address', '--kds-global-address', [CompletionResultType]::ParameterName, 'KDS address of the global control plane, grpcs:// or grpc:// (e.g. grpcs://192.168.0.1:5685)')
            [CompletionResult]::new('--cni-net-dir', '--cni-net-dir', [CompletionResultType]::ParameterName, 'set the CNI install directory')
            [CompletionResult]::new('--cni-bin-dir', '--cni-bin-dir', [CompletionResultType]::ParameterName, 'set the CNI binary directory')
            [CompletionResult]::new('--cni-conf-name', '--cni-conf-name', [CompletionResultType]::ParameterName, 'set the CNI configuration name')
            [CompletionResult]::new('--cni-node-selector', '--cni-node-selector', [CompletionResultType]::ParameterName, 'node selector for CNI deployment')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'kuma cp modes: one of zone|global|standalone')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'set the Kuma zone name')
            [CompletionResult]::new('--ingress-drain-time', '--ingress-drain-time', [CompletionResultType]::ParameterName, 'how long the Zone Ingress drains connections when stopping')
            [CompletionResult]::new('--ingress-node-selector', '--ingress-node-selector', [CompletionResultType]::ParameterName, 'node selector for Zone Ingress')
            [CompletionResult]::new('--egress-drain-time', '--egress-drain-time', [CompletionResultType]::ParameterName, 'how long the Zone Egress drains connections when stopping')
            [CompletionResult]::new('--egress-service-type', '--egress-service-type', [CompletionResultType]::ParameterName, 'type of the Zone Egress Service: ClusterIP, NodePort or LoadBalancer')
            [CompletionResult]::new('--egress-node-selector', '--egress-node-selector', [CompletionResultType]::ParameterName, 'node selector for Zone Egress')
            [CompletionResult]::new('--hooks-node-selector', '--hooks-node-selector', [CompletionResultType]::ParameterName, 'node selector for Helm hooks (has no effect: kumactl renders no hooks)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'YAML values file(s) to merge, later ones winning; ''-'' reads stdin (see --dump-values for the keys)')
            [CompletionResult]::new('--values', '--values', [CompletionResultType]::ParameterName, 'YAML values file(s) to merge, later ones winning; ''-'' reads stdin (see --dump-values for the keys)')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'set values with Helm''s syntax, e.g. egress.enabled=true,controlPlane.envVars.A=b; repeatable, wins over --values')
            [CompletionResult]::new('--skip-kinds', '--skip-kinds', [CompletionResultType]::ParameterName, 'kinds of resources to leave out of the output')
            [CompletionResult]::new('--api-versions', '--api-versions', [CompletionResultType]::ParameterName, 'api versions the cluster is said to serve (e.g. gateway.networking.k8s.io/v1beta1/GatewayClass)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('--cni-enabled', '--cni-enabled', [CompletionResultType]::ParameterName, 'redirect traffic with the Kuma CNI plugin instead of an init container')
            [CompletionResult]::new('--cni-chained', '--cni-chained', [CompletionResultType]::ParameterName, 'enable chained CNI installation')
            [CompletionResult]::new('--use-node-port', '--use-node-port', [CompletionResultType]::ParameterName, 'use NodePort instead of LoadBalancer for the global zone sync Service (global mode)')
            [CompletionResult]::new('--ingress-enabled', '--ingress-enabled', [CompletionResultType]::ParameterName, 'also run a Zone Ingress (zone mode)')
            [CompletionResult]::new('--ingress-use-node-port', '--ingress-use-node-port', [CompletionResultType]::ParameterName, 'use NodePort instead of LoadBalancer for the Ingress Service')
            [CompletionResult]::new('--egress-enabled', '--egress-enabled', [CompletionResultType]::ParameterName, 'also run a Zone Egress (zone or standalone mode)')
            [CompletionResult]::new('--without-kubernetes-connection', '--without-kubernetes-connection', [CompletionResultType]::ParameterName, 'install without connecting to Kubernetes (kumactl never connects)')
            [CompletionResult]::new('--dump-values', '--dump-values', [CompletionResultType]::ParameterName, 'print the documented values file with every key and its default, and exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for control-plane')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for control-plane')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;install;crds' {
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('--only-missing', '--only-missing', [CompletionResultType]::ParameterName, 'install only resources which are not already present in a cluster')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for crds')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for crds')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;install;demo' {
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Zone in which to install demo')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace to install demo to')
            [CompletionResult]::new('--system-namespace', '--system-namespace', [CompletionResultType]::ParameterName, 'System namespace of the control plane')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('--without-gateway', '--without-gateway', [CompletionResultType]::ParameterName, 'Skip MeshGateway resources')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for demo')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for demo')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;migrate' {
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for migrate')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for migrate')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            [CompletionResult]::new('zone-egress', 'zone-egress', [CompletionResultType]::ParameterValue, 'Plan and carry out the move from the legacy ZoneEgress to mesh-scoped zone egress')
            break
        }
        'kumactl;migrate;zone-egress' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'read ZoneEgress, Mesh, MeshIdentity and MeshTrafficPermission resources from files, not the control plane (''-'': stdin)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'read ZoneEgress, Mesh, MeshIdentity and MeshTrafficPermission resources from files, not the control plane (''-'': stdin)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'the configuration to produce: one of universal|kubernetes')
            [CompletionResult]::new('--values', '--values', [CompletionResultType]::ParameterName, 'the control plane''s legacy Helm values files, whose egress.* values are converted (later ones win)')
            [CompletionResult]::new('--egress-service-type', '--egress-service-type', [CompletionResultType]::ParameterName, 'the --egress-service-type the control plane was installed with')
            [CompletionResult]::new('--egress-node-selector', '--egress-node-selector', [CompletionResultType]::ParameterName, 'the --egress-node-selector the control plane was installed with')
            [CompletionResult]::new('--egress-drain-time', '--egress-drain-time', [CompletionResultType]::ParameterName, 'the --egress-drain-time the control plane was installed with')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('--egress-enabled', '--egress-enabled', [CompletionResultType]::ParameterName, 'the control plane was installed with --egress-enabled')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'create the planned Dataplanes on the control plane (Universal only) once all of them validate')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for zone-egress')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for zone-egress')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
        'kumactl;version' {
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'path to the configuration file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'context to use')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'log level: one of off|info|debug')
            [CompletionResult]::new('--api-timeout', '--api-timeout', [CompletionResultType]::ParameterName, 'the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Print detailed version')
            [CompletionResult]::new('--detailed', '--detailed', [CompletionResultType]::ParameterName, 'Print detailed version')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'help for version')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'help for version')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'if set no config file and config directory will be created')
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
