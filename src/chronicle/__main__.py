from chronicle.cli.main import run

run()
