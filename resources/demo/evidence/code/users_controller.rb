# frozen_string_literal: true

# {{APP}} - account API. Mass assignment is prevented with an explicit
# allow-list per action (strong parameters); unpermitted keys raise in every
# environment so a new column never becomes writable by accident.
# Owner: {{PARTNER}} AppSec.
module Api
  module V2
    class UsersController < ApplicationController
      before_action :authenticate_user!
      before_action :set_user, only: %i[show update]

      PERMITTED = %i[name display_name locale time_zone avatar_url phone notification_email].freeze
      # Never writable through this API, whatever the caller's role.
      PROTECTED = %i[id role admin is_admin tenant_id account_id owner_id email_verified confirmed_at
                     created_at updated_at password_digest].freeze

      def self.permitted?(param)
        PERMITTED.include?(param.to_s.to_sym)
      end

      def show
        render json: UserSerializer.new(@user)
      end

      def update
        authorize @user
        if @user.update(user_params)
          render json: UserSerializer.new(@user)
        else
          render json: { errors: @user.errors.full_messages }, status: :unprocessable_entity
        end
      end

      private

      def set_user
        # Scoped to the caller's account: another tenant's id is a 404.
        @user = current_account.users.find(params[:id])
      end

      def user_params
        params.require(:user).permit(*PERMITTED)
      end

      {{VECTORS}}
    end
  end
end

# config/initializers/strong_parameters.rb:
#   Rails.application.config.action_controller.action_on_unpermitted_parameters = :raise
