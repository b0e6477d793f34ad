# {{APP}} - customer data stores are encrypted with a customer-managed key.
# {{REVIEWED}}.
# Owner: {{PARTNER}} platform team. Production, eu-central-1.

resource "aws_kms_key" "customer_data" {
  description             = "{{APP}} customer data (RDS, S3, backups)"
  enable_key_rotation     = true
  rotation_period_in_days = {{ROT}}
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.customer_data_key.json
  tags                    = local.tags
}

resource "aws_kms_alias" "customer_data" {
  name          = "alias/{{SLUG}}-customer-data"
  target_key_id = aws_kms_key.customer_data.key_id
}

resource "aws_db_instance" "primary" {
  identifier                          = "{{SLUG}}-prod"
  engine                              = "postgres"
  engine_version                      = "16.4"
  instance_class                      = "db.r6g.xlarge"
  allocated_storage                   = 500
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.customer_data.arn
  multi_az                            = true
  publicly_accessible                 = false
  iam_database_authentication_enabled = true
  backup_retention_period             = 35
  deletion_protection                 = true
  copy_tags_to_snapshot               = true
  manage_master_user_password         = true
  master_user_secret_kms_key_id       = aws_kms_key.customer_data.key_id
  performance_insights_enabled        = true
  performance_insights_kms_key_id     = aws_kms_key.customer_data.arn
  parameter_group_name                = aws_db_parameter_group.tls_only.name
  vpc_security_group_ids              = [aws_security_group.db.id]
  db_subnet_group_name                = aws_db_subnet_group.private.name
  tags                                = local.tags
}

resource "aws_db_parameter_group" "tls_only" {
  name   = "{{SLUG}}-pg16-tls-only"
  family = "postgres16"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  parameter {
    name  = "ssl_min_protocol_version"
    value = "TLSv1.2"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "exports" {
  bucket = aws_s3_bucket.exports.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.customer_data.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "exports" {
  bucket                  = aws_s3_bucket.exports.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
