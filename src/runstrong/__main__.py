from runstrong.cli.main import main

main()
